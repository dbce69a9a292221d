package vn.hailong.template;

/**
 * A template version as stored in the database, with the id campaigns refer to.
 *
 * @param id the database id
 * @param template the template
 */
public record StoredTemplate(long id, SurveyTemplate template) {
}
