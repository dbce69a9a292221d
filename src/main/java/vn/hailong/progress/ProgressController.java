package vn.hailong.progress;

import java.util.List;
import java.util.function.LongPredicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API and the server-sent event streams of campaigns' progress.
 */
@RestController
class ProgressController {

	private static final LongPredicate EVERY_UNIT = (unit) -> true;

	private final ProgressService progress;

	private final ProgressProperties properties;

	ProgressController(ProgressService progress, ProgressProperties properties) {
		this.progress = progress;
		this.properties = properties;
	}

	@GetMapping(path = "/api/v1/campaigns/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CampaignProgress> progress(@PathVariable long id) {
		return this.progress.progress(id, EVERY_UNIT);
	}

	@GetMapping(path = { "/api/v1/campaigns/{id}/progress", "/api/v1/campaigns/{id}/progress/stream" },
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<CampaignProgress>>>> stream(@PathVariable long id) {
		return events(List.of(id));
	}

	@GetMapping(path = "/api/v1/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<List<CampaignProgress>> dashboard() {
		return this.progress.dashboard(EVERY_UNIT);
	}

	@GetMapping(path = { "/api/v1/progress", "/api/v1/progress/stream" }, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<CampaignProgress>>>> streamMany(
			@RequestParam("campaign") List<Long> campaigns) {
		return events(campaigns);
	}

	private Mono<ResponseEntity<Flux<ServerSentEvent<CampaignProgress>>>> events(List<Long> campaigns) {
		return this.progress.live(campaigns, EVERY_UNIT).map((updates) -> {
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
