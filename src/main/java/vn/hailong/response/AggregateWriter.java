package vn.hailong.response;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The part of the intake statement that keeps the per-unit aggregates: response counts,
 * value counts and per-measure sums over the responses the statement inserted, added to
 * the slot its writer holds. Each statement in flight holds its own slot, so concurrent
 * batches of one instance never update the same row; batches of several instances that
 * meet on a slot wait for each other, never deadlock, because every table's rows are
 * upserted in key order.
 */
final class AggregateWriter {

	/** How many slots each key is spread over; see {@code V9__aggregates.sql}. */
	static final int SLOTS = 16;

	/*
	 * Appended to the intake statement after its data-modifying CTEs: r holds the
	 * responses it inserted (id, campaign_id, unit_id), x the answers of the batch
	 * (response_id, item, value, position), slot the slot. Answers of responses not
	 * inserted (re-sends, refused) join nothing, so they count nowhere. measure_item
	 * expands the templates' item lists (JSON) once per campaign of the batch, not once
	 * per answer. unit_measure_total holds the sections and all items only
	 * (V10__aggregates_lighter.sql); a single item's sums are read from unit_value_count.
	 */
	static final String UPDATES = """
			, slot as (
			    select cast(:slot as int2) as n
			), counted as (
			    insert into unit_response_count as t (campaign_id, unit_id, slot, responses)
			    select r.campaign_id, r.unit_id, slot.n, count(*)
			    from r cross join slot
			    group by r.campaign_id, r.unit_id, slot.n
			    order by r.campaign_id, r.unit_id
			    on conflict (campaign_id, unit_id, slot) do update set responses = t.responses + excluded.responses
			), valued as (
			    insert into unit_value_count as t (campaign_id, unit_id, item, value, slot, answers, respondents)
			    select r.campaign_id, r.unit_id, x.item, x.value, slot.n, count(*), count(*) filter (where x.position = 0)
			    from x join r on r.id = x.response_id cross join slot
			    group by r.campaign_id, r.unit_id, x.item, x.value, slot.n
			    order by r.campaign_id, r.unit_id, x.item, x.value
			    on conflict (campaign_id, unit_id, item, value, slot) do update
			        set answers = t.answers + excluded.answers, respondents = t.respondents + excluded.respondents
			), measure_item as materialized (
			    select c.id as campaign_id, k.item, k.measure
			    from campaign c
			    join template_measure_item k on k.template_id = c.template_id
			    where c.id in (select campaign_id from r)
			), per_respondent as (
			    select r.campaign_id, r.unit_id, r.id, k.measure, count(*) as m,
			        count(*) filter (where x.value in ('4', '5')) as a, sum(x.value::int) as s
			    from x
			    join r on r.id = x.response_id
			    join measure_item k on k.campaign_id = r.campaign_id and k.item = x.item
			    where x.position = 0 and x.value <> 'na'
			    group by r.campaign_id, r.unit_id, r.id, k.measure
			), measured as (
			    insert into unit_measure_total as t (campaign_id, unit_id, measure, slot, respondents, answers,
			        satisfied, satisfied_squares, answers_squares, cross_products, satisfied_respondents, mean_sum,
			        mean_squares)
			    select p.campaign_id, p.unit_id, p.measure, slot.n, count(*), sum(p.m), sum(p.a), sum(p.a * p.a),
			        sum(p.m * p.m), sum(p.a * p.m), count(*) filter (where p.s >= 4 * p.m), sum(p.s::numeric / p.m),
			        sum(p.s::numeric * p.s / (p.m * p.m))
			    from per_respondent p cross join slot
			    group by p.campaign_id, p.unit_id, p.measure, slot.n
			    order by p.campaign_id, p.unit_id, p.measure
			    on conflict (campaign_id, unit_id, measure, slot) do update
			        set respondents = t.respondents + excluded.respondents, answers = t.answers + excluded.answers,
			            satisfied = t.satisfied + excluded.satisfied,
			            satisfied_squares = t.satisfied_squares + excluded.satisfied_squares,
			            answers_squares = t.answers_squares + excluded.answers_squares,
			            cross_products = t.cross_products + excluded.cross_products,
			            satisfied_respondents = t.satisfied_respondents + excluded.satisfied_respondents,
			            mean_sum = t.mean_sum + excluded.mean_sum, mean_squares = t.mean_squares + excluded.mean_squares
			)
			""";

	private final boolean enabled;

	private final ConcurrentLinkedQueue<Integer> free = new ConcurrentLinkedQueue<>();

	/**
	 * Creates the slots, starting at a random one so that two instances are unlikely to
	 * share their first slots.
	 * @param enabled whether the intake keeps the aggregates (off only to measure their
	 * cost)
	 */
	AggregateWriter(boolean enabled) {
		this.enabled = enabled;
		int first = ThreadLocalRandom.current().nextInt(SLOTS);
		for (int i = 0; i < SLOTS; i++) {
			this.free.add((first + i) % SLOTS);
		}
	}

	boolean enabled() {
		return this.enabled;
	}

	/**
	 * Takes a free slot for one statement; when more statements than slots are in flight,
	 * shares a random one.
	 * @return a slot, 0 to {@value #SLOTS} − 1
	 */
	int acquire() {
		Integer slot = this.free.poll();
		return (slot != null) ? slot : ThreadLocalRandom.current().nextInt(SLOTS);
	}

	/**
	 * Gives a slot back once its statement has ended.
	 * @param slot the slot {@link #acquire()} gave
	 */
	void release(int slot) {
		if (!this.free.contains(slot)) {
			this.free.add(slot);
		}
	}

}
