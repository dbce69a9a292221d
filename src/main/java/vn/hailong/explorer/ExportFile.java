package vn.hailong.explorer;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;

/**
 * A file an export streams: its bytes are made as the client reads them.
 *
 * @param fileName the name offered for saving, ASCII
 * @param mediaType its media type
 * @param body its bytes, read from the database as they are asked for
 * @param rows the rows of data it holds (0 for a codebook)
 */
public record ExportFile(String fileName, MediaType mediaType, Flux<DataBuffer> body, long rows) {

	/** CSV in UTF-8. */
	public static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	/** An Office Open XML workbook. */
	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

}
