package vn.hailong;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Everything the service's tables hold, as text, for tests that check that a secret or
 * personal value is stored nowhere.
 */
public final class StoredText {

	private StoredText() {
	}

	/**
	 * Reads every row of every table of the public schema as text, byte strings as hex.
	 * @param database the database
	 * @return one line per row
	 */
	public static String of(DatabaseClient database) {
		List<String> tables = database
			.sql("select table_name from information_schema.tables where table_schema = 'public' "
					+ "and table_type = 'BASE TABLE' and table_name not like 'flyway%'")
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
		var text = new StringBuilder();
		for (String table : tables) {
			database.sql("select t::text from \"" + table + "\" t")
				.map((row) -> row.get(0, String.class))
				.all()
				.doOnNext((line) -> text.append(table).append(": ").append(line).append('\n'))
				.blockLast();
		}
		return text.toString();
	}

}
