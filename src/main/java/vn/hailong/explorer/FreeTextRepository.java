package vn.hailong.explorer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import vn.hailong.campaign.Campaign;
import vn.hailong.system.ReadDatabase;

/**
 * Reads a selection's free-text answers, searched accent-insensitively on the column
 * {@code free_text_answer.text_folded} that PostgreSQL writes with {@code fold_vi} (V17),
 * from the read replica when there is one.
 */
@Repository
class FreeTextRepository {

	private final DatabaseClient database;

	FreeTextRepository(ReadDatabase reads) {
		this.database = reads.client();
	}

	/** How many answers the selection holds, and how many of them contain the search. */
	Mono<Counts> count(Selection selection, TextFilter filter) {
		String sql = "select count(*) as answers, count(*) filter (where " + contains(filter)
				+ ") as matching from free_text_answer f join response r on r.id = f.response_id where "
				+ where(selection, filter, false);
		return bind(this.database.sql(sql), selection, filter, selection.unitIds(), true)
			.map((row) -> new Counts(row.get("answers", Long.class), row.get("matching", Long.class)))
			.one();
	}

	/** A page of matching answers, newest first. */
	Flux<TextRow> page(Selection selection, TextFilter filter, long offset, int limit) {
		String sql = "select u.code, u.name, f.item, f.text, r.received_at from free_text_answer f "
				+ "join response r on r.id = f.response_id join unit u on u.id = r.unit_id where "
				+ where(selection, filter, true)
				+ " order by r.received_at desc, r.id, f.item limit :limit offset :offset";
		return bind(this.database.sql(sql), selection, filter, selection.unitIds(), true).bind("limit", limit)
			.bind("offset", offset)
			.map(FreeTextRepository::row)
			.all();
	}

	/**
	 * Every matching answer of the given units, by unit then time, for an export; rows
	 * flow from a cursor as the reader asks for them.
	 */
	Flux<TextRow> all(Selection selection, TextFilter filter, Long[] units) {
		String sql = "select u.code, u.name, f.item, f.text, r.received_at from free_text_answer f "
				+ "join response r on r.id = f.response_id join unit u on u.id = r.unit_id where "
				+ where(selection, filter, true)
				+ " order by array_position(cast(:units as int8[]), r.unit_id), r.received_at, r.id, f.item";
		return bind(this.database.sql(sql), selection, filter, units, true)
			.filter((statement) -> statement.fetchSize(RawExportRepository.FETCH_SIZE))
			.map(FreeTextRepository::row)
			.all();
	}

	/** How many answers of the selection each word list matches (whole words). */
	Flux<ListCount> countLists(Selection selection, TextFilter filter, List<WordLists.WordList> lists) {
		var codes = new ArrayList<String>();
		var phrases = new ArrayList<String>();
		for (WordLists.WordList list : lists) {
			for (String phrase : list.phrases()) {
				codes.add(list.code());
				phrases.add(regexEscape(phrase));
			}
		}
		String sql = """
				with p as (
				    select list, '\\m(' || string_agg(fold_vi(phrase), '|') || ')\\M' as pattern
				    from unnest(cast(:lists as text[]), cast(:phrases as text[])) as p (list, phrase)
				    group by list
				)
				select p.list, count(*) as answers
				from free_text_answer f
				join response r on r.id = f.response_id
				join p on f.text_folded ~ p.pattern
				where %s
				group by p.list
				""".formatted(where(selection, filter, false));
		return bind(this.database.sql(sql), selection, filter, selection.unitIds(), false)
			.bind("lists", codes.toArray(String[]::new))
			.bind("phrases", phrases.toArray(String[]::new))
			.map((row) -> new ListCount(row.get("list", String.class), row.get("answers", Long.class)))
			.all();
	}

	private static String where(Selection selection, TextFilter filter, boolean withSearch) {
		var where = new StringBuilder(
				"r.campaign_id = any(cast(:campaigns as int8[])) and r.unit_id = any(cast(:units as int8[]))");
		if (selection.from() != null) {
			where.append(" and r.received_at >= :from");
		}
		if (selection.until() != null) {
			where.append(" and r.received_at < :until");
		}
		if (filter.item() != null) {
			where.append(" and exists (select 1 from answer a where a.response_id = r.id"
					+ " and a.item = :item and a.value = :value)");
		}
		if (withSearch && filter.q() != null) {
			where.append(" and ").append(contains(filter));
		}
		return where.toString();
	}

	private static String contains(TextFilter filter) {
		return (filter.q() != null) ? "f.text_folded like '%' || fold_vi(:q) || '%' escape '\\'" : "true";
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Selection selection,
			TextFilter filter, Long[] units, boolean withSearch) {
		spec = spec.bind("campaigns", selection.campaignIds()).bind("units", units);
		if (selection.from() != null) {
			spec = spec.bind("from", selection.from());
		}
		if (selection.until() != null) {
			spec = spec.bind("until", selection.until());
		}
		if (filter.item() != null) {
			spec = spec.bind("item", filter.item()).bind("value", filter.value());
		}
		if (withSearch && filter.q() != null) {
			spec = spec.bind("q", likeEscape(filter.q()));
		}
		return spec;
	}

	private static TextRow row(io.r2dbc.spi.Readable row) {
		return new TextRow(row.get("code", String.class), row.get("name", String.class), row.get("item", String.class),
				row.get("text", String.class),
				row.get("received_at", OffsetDateTime.class).atZoneSameInstant(Campaign.ZONE).toLocalDate());
	}

	static String likeEscape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static String regexEscape(String text) {
		return text.replaceAll("[\\\\.^$|?*+()\\[\\]{}]", "\\\\$0");
	}

	/**
	 * What narrows a selection's texts: a search and an answer to another item.
	 *
	 * @param q the text searched for (accents and case ignored), or null
	 * @param item the code of a counted item, or null
	 * @param value the value its answer must have, when {@code item} is set
	 */
	record TextFilter(@Nullable String q, @Nullable String item, @Nullable String value) {
	}

	record Counts(long answers, long matching) {
	}

	record ListCount(String list, long answers) {
	}

	record TextRow(String unit, String unitName, String item, String text, LocalDate submitted) {
	}

}
