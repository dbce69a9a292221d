package vn.hailong.response;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * Tells, within this instance, which campaigns have just had responses committed, so that
 * live views can count again.
 */
@Component
public class ResponseArrivals {

	private final Sinks.Many<Long> sink = Sinks.many().multicast().directBestEffort();

	/**
	 * Returns the ids of campaigns as responses to them are committed, one signal per
	 * written batch and campaign; a subscriber that is not ready misses signals, so it
	 * should count again on the next one rather than add them up.
	 * @return a hot stream of campaign ids, never completing
	 */
	public Flux<Long> campaigns() {
		return this.sink.asFlux();
	}

	synchronized void committed(long campaignId) {
		this.sink.tryEmitNext(campaignId);
	}

}
