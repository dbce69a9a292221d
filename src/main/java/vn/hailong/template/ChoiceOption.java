package vn.hailong.template;

/**
 * One option of a single- or multiple-choice item.
 *
 * @param code the option's code, unique within its item; stored as the answer value
 * @param text the option's label
 */
public record ChoiceOption(String code, LocalizedText text) {
}
