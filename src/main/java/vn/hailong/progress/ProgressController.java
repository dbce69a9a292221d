package vn.hailong.progress;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.account.StaffAccess;

/**
 * The JSON API and the server-sent event streams of campaigns' progress.
 */
@RestController
class ProgressController {

	private final ProgressService progress;

	private final ProgressProperties properties;

	private final StaffAccess access;

	ProgressController(ProgressService progress, ProgressProperties properties, StaffAccess access) {
		this.progress = progress;
		this.properties = properties;
		this.access = access;
	}

	@GetMapping(path = "/api/v1/campaigns/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CampaignProgress> progress(@PathVariable long id) {
		return this.access.current().flatMap((access) -> this.progress.progress(id, access::canRead));
	}

	@GetMapping(path = { "/api/v1/campaigns/{id}/progress", "/api/v1/campaigns/{id}/progress/stream" },
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<CampaignProgress>>>> stream(@PathVariable long id) {
		return events(List.of(id));
	}

	@GetMapping(path = "/api/v1/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<List<CampaignProgress>> dashboard() {
		return this.access.current().flatMap((access) -> this.progress.dashboard(access::canRead));
	}

	@GetMapping(path = { "/api/v1/progress", "/api/v1/progress/stream" }, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<CampaignProgress>>>> streamMany(
			@RequestParam("campaign") List<Long> campaigns) {
		return events(campaigns);
	}

	private Mono<ResponseEntity<Flux<ServerSentEvent<CampaignProgress>>>> events(List<Long> campaigns) {
		return this.access.current()
			.flatMap((access) -> this.progress.live(campaigns, access::canRead))
			.map((updates) -> {
				Flux<ServerSentEvent<CampaignProgress>> data = updates
					.map((update) -> ServerSentEvent.builder(update).event("progress").build());
				Flux<ServerSentEvent<CampaignProgress>> heartbeat = Flux.interval(this.properties.heartbeat())
					.map((tick) -> ServerSentEvent.<CampaignProgress>builder().comment("keep-alive").build());
				return ResponseEntity.ok()
					.contentType(MediaType.TEXT_EVENT_STREAM)
					.header("Cache-Control", "no-cache")
					.header("X-Accel-Buffering", "no")
					.body(Flux.merge(data, heartbeat));
			});
	}

}
