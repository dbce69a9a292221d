package vn.hailong.template;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a survey template from YAML and checks it, reporting every fault with its line.
 */
final class TemplateParser {

	private static final Pattern TEMPLATE_CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]*$");

	private static final Set<String> TEMPLATE_KEYS = Set.of("code", "version", "title", "description", "source",
			"sections");

	private static final Set<String> SECTION_KEYS = Set.of("code", "title", "items");

	private static final Set<String> ITEM_KEYS = Set.of("code", "type", "text", "required", "options", "min", "max",
			"integer", "maxLength", "showIf", "criterion", "local", "notApplicable", "overall");

	private static final Set<String> OPTION_KEYS = Set.of("code", "text");

	private static final Set<String> SHOW_IF_KEYS = Set.of("item", "equals", "in");

	private final String file;

	private final List<TemplateDefinitionException.Fault> faults = new ArrayList<>();

	private final Map<String, Integer> lines = new HashMap<>();

	private TemplateParser(String file) {
		this.file = file;
	}

	/**
	 * Parses and validates one template.
	 * @param file the file name used in messages, such as
	 * {@code survey-templates/x.v1.yaml}
	 * @param yaml the file's content
	 * @return the template
	 * @throws TemplateDefinitionException naming the file, line and problem of each fault
	 */
	public static SurveyTemplate parse(String file, String yaml) {
		return new TemplateParser(file).parse(yaml);
	}

	/**
	 * Parses and validates one template, keeping the line of its parts for later checks.
	 * @param file the file name used in messages
	 * @param yaml the file's content
	 * @return the template and where its version, sections and items stand
	 * @throws TemplateDefinitionException naming the line and problem of each fault
	 */
	static ReadTemplate read(String file, String yaml) {
		var parser = new TemplateParser(file);
		SurveyTemplate template = parser.parse(yaml);
		var lines = Map.copyOf(parser.lines);
		return new ReadTemplate(template, (key) -> "line " + lines.getOrDefault(key, 1));
	}

	private SurveyTemplate parse(String yaml) {
		Node root;
		try {
			root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 1;
			throw new TemplateDefinitionException(this.file,
					List.of(new TemplateDefinitionException.Fault(line, "not valid YAML: " + ex.getProblem())));
		}
		if (!(root instanceof MappingNode)) {
			fault(root, "the template must be a mapping with code, version, title and sections");
			throw new TemplateDefinitionException(this.file, this.faults);
		}
		var fields = fields(root, TEMPLATE_KEYS);
		String code = code(fields, "code", TEMPLATE_CODE, root);
		Integer version = positiveInteger(fields.get("version"), "version", root);
		line("version", fields.get("version"));
		line("code", fields.get("code"));
		LocalizedText title = text(fields.get("title"), "title", root, true);
		LocalizedText description = text(fields.get("description"), "description", root, false);
		String source = optionalScalar(fields.get("source"), "source");
		List<Section> sections = sections(fields.get("sections"), root);
		if (!this.faults.isEmpty()) {
			throw new TemplateDefinitionException(this.file, this.faults);
		}
		return new SurveyTemplate(code, version, title, description, source, sections);
	}

	private List<Section> sections(Node node, Node parent) {
		if (node == null) {
			fault(parent, "'sections' is required");
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			fault(node, "'sections' must be a list of at least one section");
			return List.of();
		}
		var sectionCodes = new HashSet<String>();
		var items = new LinkedHashMap<String, Item>();
		var sections = new ArrayList<Section>();
		for (Node sectionNode : sequence.getValue()) {
			if (!(sectionNode instanceof MappingNode)) {
				fault(sectionNode, "a section must be a mapping with code, title and items");
				continue;
			}
			var fields = fields(sectionNode, SECTION_KEYS);
			String code = code(fields, "code", CODE, sectionNode);
			line("section:" + code, sectionNode);
			if (code != null && !sectionCodes.add(code)) {
				fault(fields.get("code"), "section code '" + code + "' is used twice");
			}
			LocalizedText title = text(fields.get("title"), "title", sectionNode, true);
			List<Item> sectionItems = items(fields.get("items"), sectionNode, items);
			sections.add(new Section(code, title, sectionItems));
		}
		return sections;
	}

	private List<Item> items(Node node, Node parent, Map<String, Item> earlier) {
		if (node == null) {
			fault(parent, "'items' is required");
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			fault(node, "'items' must be a list of at least one item");
			return List.of();
		}
		var items = new ArrayList<Item>();
		for (Node itemNode : sequence.getValue()) {
			Item item = item(itemNode, earlier);
			if (item != null) {
				items.add(item);
				if (item.code() != null) {
					earlier.put(item.code(), item);
				}
			}
		}
		return items;
	}

	private Item item(Node node, Map<String, Item> earlier) {
		if (!(node instanceof MappingNode)) {
			fault(node, "an item must be a mapping with code, type and text");
			return null;
		}
		var fields = fields(node, ITEM_KEYS);
		String code = code(fields, "code", CODE, node);
		line("item:" + code, node);
		if (code != null && earlier.containsKey(code)) {
			fault(fields.get("code"), "item code '" + code + "' is used twice in the template");
		}
		ItemType type = null;
		String typeName = scalar(fields.get("type"), "type", node);
		if (typeName != null) {
			type = ItemType.fromYamlName(typeName).orElse(null);
			if (type == null) {
				fault(fields.get("type"), "unknown item type '" + typeName
						+ "' (expected scale5, single, multiple, yesno, number or text)");
			}
		}
		LocalizedText text = text(fields.get("text"), "text", node, true);
		boolean required = bool(fields.get("required"), "required");
		List<ChoiceOption> options = options(fields.get("options"), type, node);
		BigDecimal min = number(fields.get("min"), "min", type);
		BigDecimal max = number(fields.get("max"), "max", type);
		if (min != null && max != null && min.compareTo(max) > 0) {
			fault(fields.get("min"), "'min' is greater than 'max'");
		}
		boolean integer = bool(fields.get("integer"), "integer");
		if (fields.containsKey("integer") && type != null && type != ItemType.NUMBER) {
			fault(fields.get("integer"), "'integer' is only for number items");
		}
		Integer maxLength = null;
		if (fields.containsKey("maxLength")) {
			if (type != null && type != ItemType.TEXT) {
				fault(fields.get("maxLength"), "'maxLength' is only for text items");
			}
			maxLength = positiveInteger(fields.get("maxLength"), "maxLength", node);
			if (maxLength != null && maxLength > Item.LONGEST_TEXT) {
				fault(fields.get("maxLength"), "'maxLength' may be at most " + Item.LONGEST_TEXT);
				maxLength = null;
			}
		}
		ShowIf showIf = showIf(fields.get("showIf"), earlier);
		String criterion = optionalScalar(fields.get("criterion"), "criterion");
		boolean local = bool(fields.get("local"), "local");
		if (criterion != null && local) {
			fault(fields.get("local"), "an item renders an official 'criterion' or is 'local', not both");
		}
		boolean notApplicable = bool(fields.get("notApplicable"), "notApplicable");
		if (fields.containsKey("notApplicable") && type != null && type != ItemType.SCALE5) {
			fault(fields.get("notApplicable"), "'notApplicable' is only for scale5 items");
		}
		boolean overall = bool(fields.get("overall"), "overall");
		if (overall && type != null && type != ItemType.SCALE5) {
			fault(fields.get("overall"), "'overall' is only for a scale5 item");
		}
		if (overall && earlier.values().stream().anyMatch(Item::overall)) {
			fault(fields.get("overall"), "only one item of a template may be 'overall'; "
					+ earlier.values().stream().filter(Item::overall).findFirst().get().code() + " is already");
		}
		if (code == null || type == null || text == null) {
			return null;
		}
		return new Item(code, type, text, required, options, min, max, integer, maxLength, showIf, criterion, local,
				notApplicable, overall);
	}

	private List<ChoiceOption> options(Node node, ItemType type, Node parent) {
		if (type == null) {
			return List.of();
		}
		if (!type.hasOptions()) {
			if (node != null) {
				fault(node, "'options' is only for single and multiple items");
			}
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence) || sequence.getValue().size() < 2) {
			fault((node != null) ? node : parent, "a " + type.yamlName() + " item needs 'options', at least two");
			return List.of();
		}
		var codes = new HashSet<String>();
		var options = new ArrayList<ChoiceOption>();
		for (Node optionNode : sequence.getValue()) {
			if (!(optionNode instanceof MappingNode)) {
				fault(optionNode, "an option must be a mapping with code and text");
				continue;
			}
			var fields = fields(optionNode, OPTION_KEYS);
			String code = code(fields, "code", CODE, optionNode);
			if (code != null && !codes.add(code)) {
				fault(fields.get("code"), "option code '" + code + "' is used twice in the item");
			}
			LocalizedText text = text(fields.get("text"), "text", optionNode, true);
			if (code != null && text != null) {
				options.add(new ChoiceOption(code, text));
			}
		}
		return options;
	}

	private ShowIf showIf(Node node, Map<String, Item> earlier) {
		if (node == null) {
			return null;
		}
		if (!(node instanceof MappingNode)) {
			fault(node, "'showIf' must be a mapping with item and equals (or in)");
			return null;
		}
		var fields = fields(node, SHOW_IF_KEYS);
		String itemCode = scalar(fields.get("item"), "item", node);
		if (itemCode == null) {
			return null;
		}
		Item target = earlier.get(itemCode);
		if (target == null) {
			fault(fields.get("item"), "'showIf' refers to '" + itemCode + "', which is not an earlier item");
			return null;
		}
		var values = new ArrayList<String>();
		if (fields.containsKey("equals") == fields.containsKey("in")) {
			fault(node, "'showIf' needs exactly one of 'equals' and 'in'");
			return null;
		}
		if (fields.containsKey("equals")) {
			String value = scalar(fields.get("equals"), "equals", node);
			if (value != null) {
				values.add(value);
			}
		}
		else if (fields.get("in") instanceof SequenceNode list && !list.getValue().isEmpty()) {
			for (Node valueNode : list.getValue()) {
				String value = scalar(valueNode, "in", node);
				if (value != null) {
					values.add(value);
				}
			}
		}
		else {
			fault(fields.get("in"), "'in' must be a list of at least one value");
			return null;
		}
		for (String value : values) {
			if (!conditionValueFits(target, value)) {
				fault(node, "'" + value + "' is not a possible answer to '" + itemCode + "'");
			}
		}
		return new ShowIf(itemCode, values);
	}

	private static boolean conditionValueFits(Item target, String value) {
		return switch (target.type()) {
			case SCALE5 -> value.matches("[1-5]") || (target.notApplicable() && value.equals(Item.NOT_APPLICABLE));
			case YESNO -> value.equals("yes") || value.equals("no");
			case SINGLE, MULTIPLE -> target.option(value).isPresent();
			case NUMBER, TEXT -> false;
		};
	}

	private Map<String, Node> fields(Node node, Set<String> allowed) {
		var fields = new HashMap<String, Node>();
		for (NodeTuple tuple : ((MappingNode) node).getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				fault(tuple.getKeyNode(), "keys must be plain names");
				continue;
			}
			if (!allowed.contains(key.getValue())) {
				fault(key, "unknown key '" + key.getValue() + "' (allowed: "
						+ String.join(", ", allowed.stream().sorted().toList()) + ")");
			}
			else if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
				fault(key, "key '" + key.getValue() + "' appears twice");
			}
		}
		return fields;
	}

	private String code(Map<String, Node> fields, String key, Pattern pattern, Node parent) {
		String value = scalar(fields.get(key), key, parent);
		if (value != null && !pattern.matcher(value).matches()) {
			fault(fields.get(key), "'" + key + "' must match " + pattern.pattern() + ", not '" + value + "'");
			return null;
		}
		return value;
	}

	private String scalar(Node node, String key, Node parent) {
		if (node == null) {
			fault(parent, "'" + key + "' is required");
			return null;
		}
		if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
			fault(node, "'" + key + "' must be a non-empty value");
			return null;
		}
		return scalar.getValue().strip();
	}

	private String optionalScalar(Node node, String key) {
		return (node != null) ? scalar(node, key, node) : null;
	}

	private Integer positiveInteger(Node node, String key, Node parent) {
		String value = scalar(node, key, parent);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		fault(node, "'" + key + "' must be a positive whole number, not '" + value + "'");
		return null;
	}

	private BigDecimal number(Node node, String key, ItemType type) {
		if (node == null) {
			return null;
		}
		if (type != null && type != ItemType.NUMBER) {
			fault(node, "'" + key + "' is only for number items");
		}
		String value = scalar(node, key, node);
		try {
			return (value != null) ? new BigDecimal(value) : null;
		}
		catch (NumberFormatException ex) {
			fault(node, "'" + key + "' must be a number, not '" + value + "'");
			return null;
		}
	}

	private boolean bool(Node node, String key) {
		if (node == null) {
			return false;
		}
		String value = scalar(node, key, node);
		if ("true".equals(value)) {
			return true;
		}
		if (!"false".equals(value)) {
			fault(node, "'" + key + "' must be true or false");
		}
		return false;
	}

	private LocalizedText text(Node node, String key, Node parent, boolean required) {
		if (node == null) {
			if (required) {
				fault(parent, "'" + key + "' is required, with vi and en");
			}
			return null;
		}
		if (!(node instanceof MappingNode)) {
			fault(node, "'" + key + "' must be a mapping with vi and en");
			return null;
		}
		var fields = fields(node, Set.of("vi", "en"));
		String vi = scalar(fields.get("vi"), key + ".vi", node);
		String en = scalar(fields.get("en"), key + ".en", node);
		return (vi != null && en != null) ? new LocalizedText(vi, en) : null;
	}

	private void line(String key, Node node) {
		if (node != null) {
			this.lines.putIfAbsent(key, node.getStartMark().getLine() + 1);
		}
	}

	private void fault(Node node, String problem) {
		int line = (node != null) ? node.getStartMark().getLine() + 1 : 1;
		this.faults.add(new TemplateDefinitionException.Fault(line, problem));
	}

}
