package vn.hailong.unit;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes units.
 */
@Repository
class UnitRepository {

	private static final String SELECT = "select u.id, u.code, u.name, u.level, p.code as parent, u.population, u.contact "
			+ "from unit u left join unit p on p.id = u.parent_id ";

	private final DatabaseClient database;

	UnitRepository(DatabaseClient database) {
		this.database = database;
	}

	Flux<Unit> findAll() {
		return this.database.sql(SELECT + "order by u.code").map(UnitRepository::unit).all();
	}

	Mono<Unit> findByCode(String code) {
		return this.database.sql(SELECT + "where u.code = :code").bind("code", code).map(UnitRepository::unit).one();
	}

	/**
	 * Inserts the unit, or updates the one with the same code; the parent is set
	 * separately.
	 */
	Mono<Boolean> upsert(UnitInput unit) {
		boolean keepContact = unit.contact() == null;
		String contact = (unit.contact() == null || unit.contact().isBlank()) ? null : unit.contact().strip();
		var spec = this.database
			.sql("insert into unit (code, name, level, population, contact) "
					+ "values (:code, :name, :level, :population, :contact) "
					+ "on conflict (code) do update set name = excluded.name, level = excluded.level, "
					+ "population = excluded.population, "
					+ "contact = case when :keepContact then unit.contact else excluded.contact end "
					+ "returning (xmax = 0) as inserted")
			.bind("code", unit.code())
			.bind("name", unit.name().strip())
			.bind("level", unit.level())
			.bind("population", unit.population())
			.bind("keepContact", keepContact);
		spec = (contact != null) ? spec.bind("contact", contact) : spec.bindNull("contact", String.class);
		return spec.map((row) -> row.get("inserted", Boolean.class)).one();
	}

	Mono<Long> setParent(String code, String parent) {
		if (parent == null) {
			return this.database.sql("update unit set parent_id = null where code = :code")
				.bind("code", code)
				.fetch()
				.rowsUpdated();
		}
		return this.database
			.sql("update unit set parent_id = (select id from unit where code = :parent) where code = :code")
			.bind("code", code)
			.bind("parent", parent)
			.fetch()
			.rowsUpdated();
	}

	private static Unit unit(Readable row) {
		return new Unit(row.get("id", Long.class), row.get("code", String.class), row.get("name", String.class),
				UnitLevel.fromCode(row.get("level", String.class)).orElseThrow(), row.get("parent", String.class),
				row.get("population", Integer.class), row.get("contact", String.class));
	}

}
