package vn.hailong.template;

/**
 * The file formats a template is uploaded and downloaded in.
 */
public enum TemplateFormat {

	/** The documented YAML format (README, "Survey templates"). */
	YAML("yaml", "yaml", "application/yaml"),

	/** An XLSForm workbook: survey, choices and settings sheets. */
	XLSFORM("xlsform", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final String code;

	private final String extension;

	private final String mediaType;

	TemplateFormat(String code, String extension, String mediaType) {
		this.code = code;
		this.extension = extension;
		this.mediaType = mediaType;
	}

	public String code() {
		return this.code;
	}

	public String extension() {
		return this.extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * Tells a workbook (a ZIP file) from YAML text by its first bytes.
	 * @param content the uploaded bytes
	 * @return XLSFORM for a ZIP file, otherwise YAML
	 */
	public static TemplateFormat of(byte[] content) {
		return (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)
				? XLSFORM : YAML;
	}

}
