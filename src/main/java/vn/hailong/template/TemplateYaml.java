package vn.hailong.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a template in the documented YAML format, which {@link TemplateParser} reads
 * back to the same template.
 */
final class TemplateYaml {

	private TemplateYaml() {
	}

	static String write(SurveyTemplate template) {
		var root = new LinkedHashMap<String, Object>();
		root.put("code", template.code());
		root.put("version", template.version());
		root.put("title", text(template.title()));
		if (template.description() != null) {
			root.put("description", text(template.description()));
		}
		if (template.source() != null) {
			root.put("source", template.source());
		}
		var sections = new ArrayList<Map<String, Object>>();
		for (Section section : template.sections()) {
			var node = new LinkedHashMap<String, Object>();
			node.put("code", section.code());
			node.put("title", text(section.title()));
			node.put("items", section.items().stream().map(TemplateYaml::item).toList());
			sections.add(node);
		}
		root.put("sections", sections);
		var options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setAllowUnicode(true);
		options.setWidth(4096);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		return "# " + template.title().vi() + "\n" + new Yaml(options).dump(root);
	}

	private static Map<String, Object> item(Item item) {
		var node = new LinkedHashMap<String, Object>();
		node.put("code", item.code());
		node.put("type", item.type().yamlName());
		node.put("text", text(item.text()));
		if (item.required()) {
			node.put("required", true);
		}
		if (!item.options().isEmpty()) {
			node.put("options", item.options().stream().map((option) -> {
				var optionNode = new LinkedHashMap<String, Object>();
				optionNode.put("code", option.code());
				optionNode.put("text", text(option.text()));
				return optionNode;
			}).toList());
		}
		if (item.integer()) {
			node.put("integer", true);
		}
		if (item.min() != null) {
			node.put("min", item.min());
		}
		if (item.max() != null) {
			node.put("max", item.max());
		}
		if (item.maxLength() != null) {
			node.put("maxLength", item.maxLength());
		}
		if (item.showIf() != null) {
			var showIf = new LinkedHashMap<String, Object>();
			showIf.put("item", item.showIf().item());
			List<String> values = item.showIf().values();
			if (values.size() == 1) {
				showIf.put("equals", values.get(0));
			}
			else {
				showIf.put("in", values);
			}
			node.put("showIf", showIf);
		}
		if (item.criterion() != null) {
			node.put("criterion", item.criterion());
		}
		if (item.local()) {
			node.put("local", true);
		}
		if (item.notApplicable()) {
			node.put("notApplicable", true);
		}
		if (item.overall()) {
			node.put("overall", true);
		}
		return node;
	}

	private static Map<String, String> text(LocalizedText text) {
		var node = new LinkedHashMap<String, String>();
		node.put("vi", text.vi());
		node.put("en", text.en());
		return node;
	}

}
