package vn.hailong.response;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-unit aggregates the intake keeps for reports, results and progress.
 *
 * @param enabled whether the intake updates them; {@code false} only to measure their
 * cost in the intake benchmark, as reports, results and progress then miss what is stored
 * @param verify a campaign id, or {@code all}: at start-up, recompute that campaign's (or
 * every campaign's) aggregates from the stored answers, print the differences and exit;
 * blank (the default) to run the service
 * @param repair with {@code verify}, also replace aggregates that differ by the
 * recomputed ones
 * @param workMemory PostgreSQL's {@code work_mem} for the recomputation's grouping of
 * answers by respondent
 */
@ConfigurationProperties("hailong.aggregates")
record AggregateProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String verify,
		@DefaultValue("false") boolean repair, @DefaultValue("64MB") String workMemory) {

	public AggregateProperties {
		if (workMemory == null || !workMemory.matches("^[0-9]{1,6}(kB|MB|GB)$")) {
			throw new IllegalArgumentException("hailong.aggregates.work-memory must be a size such as 64MB");
		}
	}

}
