package vn.hailong.indicator;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import vn.hailong.period.Period;

/**
 * Reads and writes reported figures.
 */
@Repository
class FigureRepository {

	private static final String SELECT = "select f.id, i.ref, u.code as unit, f.period, f.numerator, f.denominator, "
			+ "f.note, f.entered_at, f.superseded_at from reported_figure f join indicator i on i.id = f.indicator_id "
			+ "join unit u on u.id = f.unit_id ";

	private final DatabaseClient database;

	FigureRepository(DatabaseClient database) {
		this.database = database;
	}

	Flux<ReportedFigure> findByPlan(long plan, boolean history) {
		return this.database
			.sql(SELECT + "where i.plan_id = :plan" + (history ? "" : " and f.superseded_at is null")
					+ " order by i.position, u.code, f.period, f.entered_at")
			.bind("plan", plan)
			.map(FigureRepository::figure)
			.all();
	}

	/**
	 * The current figures of an indicator and unit.
	 */
	Flux<ReportedFigure> findCurrent(long indicator, long unit) {
		return this.database
			.sql(SELECT + "where f.indicator_id = :indicator and f.unit_id = :unit " + "and f.superseded_at is null")
			.bind("indicator", indicator)
			.bind("unit", unit)
			.map(FigureRepository::figure)
			.all();
	}

	/**
	 * Stores a figure, superseding the current one of the same indicator, unit and
	 * period; run inside a transaction.
	 * @return the new figure's id
	 */
	Mono<Long> replace(long indicator, long unit, Period period, long numerator, long denominator, String note) {
		Mono<Long> insert = this.database
			.sql("insert into reported_figure (indicator_id, unit_id, period, numerator, denominator, note) "
					+ "values (:indicator, :unit, :period, :numerator, :denominator, :note) returning id")
			.bind("indicator", indicator)
			.bind("unit", unit)
			.bind("period", period.code())
			.bind("numerator", numerator)
			.bind("denominator", denominator)
			.bind("note", Parameters.text(note))
			.map((row) -> row.get("id", Long.class))
			.one();
		Mono<Void> supersede = this.database
			.sql("update reported_figure set superseded_at = now() where indicator_id = :indicator "
					+ "and unit_id = :unit and period = :period and superseded_at is null")
			.bind("indicator", indicator)
			.bind("unit", unit)
			.bind("period", period.code())
			.then();
		return supersede.then(insert)
			.flatMap((id) -> this.database
				.sql("update reported_figure set superseded_by = :id where indicator_id = :indicator "
						+ "and unit_id = :unit and period = :period and superseded_at is not null and superseded_by is null")
				.bind("id", id)
				.bind("indicator", indicator)
				.bind("unit", unit)
				.bind("period", period.code())
				.then()
				.thenReturn(id));
	}

	private static ReportedFigure figure(Readable row) {
		OffsetDateTime superseded = row.get("superseded_at", OffsetDateTime.class);
		return new ReportedFigure(row.get("id", Long.class), row.get("ref", String.class),
				row.get("unit", String.class), Period.parse(row.get("period", String.class)).orElseThrow(),
				row.get("numerator", Long.class), row.get("denominator", Long.class), row.get("note", String.class),
				row.get("entered_at", OffsetDateTime.class).toInstant(),
				(superseded != null) ? superseded.toInstant() : (Instant) null);
	}

}
