package vn.hailong.template;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the survey-template files are read from.
 *
 * @param directories the folders holding {@code <code>.v<version>.yaml} files
 */
@ConfigurationProperties("hailong.templates")
record TemplateProperties(@DefaultValue("survey-templates") List<Path> directories) {
}
