package vn.hailong.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the survey's service worker from the path whose scope covers the survey pages,
 * revalidated on every update check so that a new version reaches phones at once.
 */
@RestController
class SurveyWorkerController {

	static final String PATH = "/s/sw.js";

	private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	private final byte[] script;

	private final String etag;

	SurveyWorkerController() {
		try (InputStream in = new ClassPathResource("survey/sw.js").getInputStream()) {
			this.script = in.readAllBytes();
			this.etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(this.script), 0, 12)
					+ "\"";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The service worker survey/sw.js is missing from the class path", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@GetMapping(PATH)
	ResponseEntity<byte[]> worker() {
		return ResponseEntity.ok()
			.contentType(JAVASCRIPT)
			.cacheControl(CacheControl.noCache())
			.eTag(this.etag)
			.body(this.script);
	}

}
