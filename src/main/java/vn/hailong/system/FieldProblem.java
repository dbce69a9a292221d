package vn.hailong.system;

/**
 * One offending field of a rejected request.
 *
 * @param field the field's path, such as {@code answers.tc1} or {@code units[2].code}
 * @param code a stable machine-readable reason, such as {@code out_of_scale}
 * @param message a human explanation
 */
public record FieldProblem(String field, String code, String message) {
}
