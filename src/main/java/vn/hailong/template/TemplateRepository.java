package vn.hailong.template;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import org.jspecify.annotations.Nullable;

/**
 * Stores the versions of offices' templates; the official ones are written by
 * {@link TemplateCatalog} at start-up.
 */
@Repository
class TemplateRepository {

	private final DatabaseClient database;

	TemplateRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Stores a draft version.
	 * @return the new row's id
	 */
	Mono<Long> insertDraft(SurveyTemplate template, String definition, long ownerUnitId, @Nullable Long basedOnId) {
		return this.database
			.sql("insert into survey_template (code, version, title_vi, title_en, definition, checksum, owner_unit_id, "
					+ "state, based_on_id) values (:code, :version, :titleVi, :titleEn, :definition, :checksum, "
					+ ":owner, 'draft', :basedOn) returning id")
			.bind("code", template.code())
			.bind("version", template.version())
			.bind("titleVi", template.title().vi())
			.bind("titleEn", template.title().en())
			.bind("definition", Json.of(definition))
			.bind("checksum", TemplateCatalog.sha256(definition))
			.bind("owner", ownerUnitId)
			.bind("basedOn", org.springframework.r2dbc.core.Parameter.fromOrEmpty(basedOnId, Long.class))
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/**
	 * Deletes a draft that a new upload replaces; a published version is never deleted.
	 * @return the rows deleted, 0 or 1
	 */
	Mono<Long> deleteDraft(long id) {
		return this.database.sql("delete from survey_template where id = :id and state = 'draft'")
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Publishes a draft.
	 * @return the rows changed: 0 when it was published meanwhile
	 */
	Mono<Long> publish(long id) {
		return this.database.sql(
				"update survey_template set state = 'published', published_at = now() where id = :id and state = 'draft'")
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

}
