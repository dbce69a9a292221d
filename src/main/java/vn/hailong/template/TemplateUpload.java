package vn.hailong.template;

import org.jspecify.annotations.Nullable;

/**
 * An uploaded or pasted template.
 *
 * @param format the file's format
 * @param content the file's bytes (YAML as UTF-8)
 * @param unit the owning unit's code for a new template, or {@code null} for the member's
 * own unit (or the existing template's owner)
 */
public record TemplateUpload(TemplateFormat format, byte[] content, @Nullable String unit) {
}
