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

import vn.hailong.access.Access;

/**
 * The JSON API and the server-sent event streams of campaigns' progress.
 */
@RestController
class ProgressController {

	private final ProgressService progress;

	private final ProgressProperties properties;

	ProgressController(ProgressService progress, ProgressProperties properties) {
		this.progress = progress;
		this.properties = properties;
	}

	@GetMapping(path = "/api/v1/campaigns/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CampaignProgress> progress(Access access, @PathVariable long id) {
		return this.progress.progress(access, id);
	}

	@GetMapping(path = { "/api/v1/campaigns/{id}/progress", "/api/v1/campaigns/{id}/progress/stream" },
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<CampaignProgress>>>> stream(Access access, @PathVariable long id) {
		return events(access, List.of(id));
	}

	@GetMapping(path = "/api/v1/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<List<CampaignProgress>> dashboard(Access access) {
		return this.progress.dashboard(access);
	}

	@GetMapping(path = { "/api/v1/progress", "/api/v1/progress/stream" }, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<CampaignProgress>>>> streamMany(Access access,
			@RequestParam("campaign") List<Long> campaigns) {
		return events(access, campaigns);
	}

	private Mono<ResponseEntity<Flux<ServerSentEvent<CampaignProgress>>>> events(Access access, List<Long> campaigns) {
		return this.progress.live(access, campaigns).map((updates) -> {
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
