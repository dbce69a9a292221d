package vn.hailong.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignService;
import vn.hailong.campaign.CampaignState;
import vn.hailong.response.ResponseArrivals;
import vn.hailong.system.ApiException;

/**
 * Counts campaigns' responses against their planned samples, for the units a staff member
 * may read, once or live as responses arrive.
 */
@Service
public class ProgressService {

	/** The most campaigns one live stream follows. */
	static final int MAX_CAMPAIGNS = 50;

	/** The most recently closed campaigns the dashboard shows. */
	static final int RECENTLY_CLOSED = 10;

	private final CampaignService campaigns;

	private final ProgressRepository counts;

	private final ResponseArrivals arrivals;

	private final ProgressProperties properties;

	private final Clock clock;

	private final SharedFeeds<Counted> feeds;

	ProgressService(CampaignService campaigns, ProgressRepository counts, ResponseArrivals arrivals,
			ProgressProperties properties, Clock clock) {
		this.campaigns = campaigns;
		this.counts = counts;
		this.arrivals = arrivals;
		this.properties = properties;
		this.clock = clock;
		this.feeds = new SharedFeeds<>(arrivals.campaigns(), this::countAll, properties.interval());
	}

	/**
	 * Counts one campaign's responses.
	 * @param campaignId the campaign's id
	 * @param access the signed-in member, whose units are the readable ones
	 * @return the progress over the readable units; or an error {@code not-found}, or
	 * {@code outside-scope} when the reader may see none of the campaign's units
	 */
	public Mono<CampaignProgress> progress(Access access, long campaignId) {
		LongPredicate readable = access::canRead;
		return this.campaigns.find(campaignId).flatMap((campaign) -> count(List.of(campaign), readable)).map((all) -> {
			if (all.isEmpty()) {
				throw outsideScope(campaignId);
			}
			return all.get(0);
		});
	}

	/**
	 * Counts the responses of the campaigns a reader may see: the open ones first
	 * (closing soonest first), then the drafts (opening soonest first), then the
	 * {@value #RECENTLY_CLOSED} closed most recently.
	 * @param access the signed-in member, whose units are the readable ones
	 * @return the progress of each campaign with at least one readable unit, over its
	 * readable units
	 */
	public Mono<List<CampaignProgress>> dashboard(Access access) {
		LongPredicate readable = access::canRead;
		return this.campaigns.findAll()
			.collectList()
			.flatMap((all) -> this.counts.units(all.stream().map(Campaign::id).toList())
				.filter((pair) -> readable.test(pair[1]))
				.map((pair) -> pair[0])
				.collect(Collectors.toSet())
				.map((visible) -> shown(all, visible)))
			.flatMap((shown) -> count(shown, readable));
	}

	/**
	 * Chooses and orders the campaigns the dashboard shows, before anything is counted.
	 */
	private static List<Campaign> shown(List<Campaign> all, Set<Long> visible) {
		var ordered = new ArrayList<Campaign>();
		var candidates = all.stream().filter((campaign) -> visible.contains(campaign.id())).toList();
		candidates.stream()
			.filter((campaign) -> campaign.state() == CampaignState.OPEN)
			.sorted(Comparator.comparing(Campaign::closesAt))
			.forEach(ordered::add);
		candidates.stream()
			.filter((campaign) -> campaign.state() == CampaignState.DRAFT)
			.sorted(Comparator.comparing(Campaign::opensAt))
			.forEach(ordered::add);
		candidates.stream()
			.filter((campaign) -> campaign.state() == CampaignState.CLOSED)
			.sorted(Comparator.comparing(Campaign::closesAt).reversed())
			.limit(RECENTLY_CLOSED)
			.forEach(ordered::add);
		return ordered;
	}

	/**
	 * Follows campaigns' progress: each campaign's progress at once, then again after
	 * responses to it are committed, at most once per {@code hailong.progress.interval}
	 * per campaign (responses arriving meanwhile are counted in the next event). Each
	 * campaign is counted once per interval for all the streams of this instance, over
	 * all its units; each stream shows the units its reader may see. Checks the scope
	 * first, so that a refusal comes before the stream starts.
	 * @param campaignIds the campaigns, at most {@value #MAX_CAMPAIGNS}
	 * @param access the signed-in member, whose units are the readable ones
	 * @return the stream, which never completes by itself; or an error
	 * {@code invalid-request}, {@code not-found} or {@code outside-scope}
	 */
	public Mono<Flux<CampaignProgress>> live(Access access, Collection<Long> campaignIds) {
		LongPredicate readable = access::canRead;
		Set<Long> ids = new LinkedHashSet<>(campaignIds);
		if (ids.isEmpty() || ids.size() > MAX_CAMPAIGNS) {
			return Mono.error(ApiException.invalid("campaign", "count",
					"name from 1 to " + MAX_CAMPAIGNS + " campaigns to follow"));
		}
		return Flux.fromIterable(ids)
			.concatMap(this.campaigns::find)
			.then(this.counts.units(ids)
				.filter((pair) -> readable.test(pair[1]))
				.map((pair) -> pair[0])
				.collect(Collectors.toSet()))
			.map((visible) -> {
				ids.stream().filter((id) -> !visible.contains(id)).findFirst().ifPresent((id) -> {
					throw outsideScope(id);
				});
				return Flux.merge(ids.stream()
					.map((id) -> this.feeds.follow(id)
						.onBackpressureLatest()
						.<CampaignProgress>handle((counted, sink) -> shown(counted, readable).ifPresent(sink::next)))
					.toList());
			});
	}

	/**
	 * Counts one campaign's responses in every unit, for all the streams following it.
	 */
	private Mono<Counted> countAll(long campaignId) {
		return this.campaigns.findRecent(campaignId)
			.flatMap((campaign) -> this.counts.count(List.of(campaignId))
				.collectList()
				.map((units) -> new Counted(campaign, units, Instant.now(this.clock))));
	}

	/**
	 * The progress over the readable units of a shared count, or none when the reader may
	 * see none of them.
	 */
	private Optional<CampaignProgress> shown(Counted counted, LongPredicate readable) {
		var units = counted.units().stream().filter((unit) -> readable.test(unit.unitId())).toList();
		if (units.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Progress.of(counted.campaign(), units, counted.at(), this.properties.pace()));
	}

	/**
	 * Turns a stream of signals into fetches: a signal for a key fetches at once when no
	 * fetch for that key ran within the interval; otherwise it waits for the interval to
	 * end, and all the signals that waited make one fetch.
	 * @param signals the keys signalled
	 * @param fetch what to fetch for a key
	 * @param interval the shortest time between two fetches for one key
	 * @return the fetched values
	 */
	static <T> Flux<T> coalesce(Flux<Long> signals, Function<Long, Mono<T>> fetch, Duration interval) {
		return signals.groupBy(Function.identity())
			.flatMap(
					(signalsOfKey) -> signalsOfKey.onBackpressureLatest()
						.concatMap((key) -> fetch.apply(key).concatWith(Mono.delay(interval).then(Mono.empty())), 0),
					MAX_CAMPAIGNS + 1);
	}

	/**
	 * Counts the given campaigns' responses; campaigns without a readable unit are left
	 * out.
	 */
	private Mono<List<CampaignProgress>> count(List<Campaign> campaigns, LongPredicate readable) {
		var ids = campaigns.stream().map(Campaign::id).toList();
		return this.counts.count(ids)
			.filter((row) -> readable.test(row.unitId()))
			.collect(Collectors.groupingBy(Progress.UnitCount::campaignId))
			.map((byCampaign) -> assemble(campaigns, byCampaign));
	}

	private List<CampaignProgress> assemble(List<Campaign> campaigns, Map<Long, List<Progress.UnitCount>> byCampaign) {
		Instant now = Instant.now(this.clock);
		return campaigns.stream()
			.filter((campaign) -> byCampaign.containsKey(campaign.id()))
			.map((campaign) -> Progress.of(campaign, byCampaign.get(campaign.id()), now, this.properties.pace()))
			.toList();
	}

	/**
	 * A campaign's responses counted in every unit, shared by the streams that follow it.
	 *
	 * @param campaign the campaign as it was when counted
	 * @param units the counts of all its units, by unit code
	 * @param at when they were counted
	 */
	private record Counted(Campaign campaign, List<Progress.UnitCount> units, Instant at) {
	}

	static ApiException outsideScope(long campaignId) {
		return new ApiException(HttpStatus.FORBIDDEN, "outside-scope", "Outside your units",
				"Campaign " + campaignId + " surveys none of the units you may read", List.of());
	}

}
