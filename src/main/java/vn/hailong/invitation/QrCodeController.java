package vn.hailong.invitation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;
import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignService;
import vn.hailong.system.ApiException;

/**
 * QR codes of the public survey link of each unit of a campaign, as SVG and PNG
 * downloads, for members who may read the unit.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{campaign}/units/{unit}")
class QrCodeController {

	static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

	private static final int DEFAULT_SIZE = 512;

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

	private final CampaignService campaigns;

	private final SurveyLinks links;

	QrCodeController(CampaignService campaigns, SurveyLinks links) {
		this.campaigns = campaigns;
		this.links = links;
	}

	@GetMapping("/qr.svg")
	Mono<ResponseEntity<byte[]>> svg(Access access, @PathVariable long campaign, @PathVariable String unit,
			@RequestParam(required = false) String size, ServerHttpRequest request) {
		return this.campaigns.findSurveying(access, campaign, unit)
			.map((found) -> download(found, unit, "svg", SVG,
					QrCodes.svgDocument(this.links.survey(request, campaign, unit), size(size))
						.getBytes(StandardCharsets.UTF_8)));
	}

	@GetMapping("/qr.png")
	Mono<ResponseEntity<byte[]>> png(Access access, @PathVariable long campaign, @PathVariable String unit,
			@RequestParam(required = false) String size, ServerHttpRequest request) {
		return this.campaigns.findSurveying(access, campaign, unit)
			.publishOn(Schedulers.boundedElastic())
			.map((found) -> download(found, unit, "png", MediaType.IMAGE_PNG,
					QrCodes.png(this.links.survey(request, campaign, unit), size(size))));
	}

	private static int size(String size) {
		if (size == null) {
			return DEFAULT_SIZE;
		}
		try {
			int pixels = Integer.parseInt(size.strip());
			if (pixels >= QrCodes.MIN_PNG_SIZE && pixels <= QrCodes.MAX_PNG_SIZE) {
				return pixels;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw ApiException.invalid("size", "out_of_range",
				"size is a whole number of pixels from " + QrCodes.MIN_PNG_SIZE + " to " + QrCodes.MAX_PNG_SIZE);
	}

	private static ResponseEntity<byte[]> download(Campaign campaign, String unit, String extension, MediaType type,
			byte[] body) {
		String name = "qr-" + campaign.id() + "-" + unit + "." + extension;
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CACHE)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
