package vn.hailong.campaign;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A copy of a campaign for another period, as requested; what is left out follows the
 * campaign copied.
 *
 * @param name the new campaign's name; null for the old name with the old period's code
 * replaced by the new one (or the new code appended)
 * @param period the new period's code; null for the period after the campaign's
 * @param opensOn the first day, a calendar day in Asia/Ho_Chi_Minh; null for the old
 * first day moved on by the period's length
 * @param lastDay the last day on which answers are taken (until the end of that day in
 * Asia/Ho_Chi_Minh); null for the old last day moved on by the period's length
 */
public record CampaignCopyInput(@Nullable String name, @Nullable String period, @Nullable LocalDate opensOn,
		@Nullable LocalDate lastDay) {
}
