package vn.hailong.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import vn.hailong.campaign.CampaignState;
import vn.hailong.progress.UnitProgress;

/**
 * Dates, numbers and labels as the progress pages show them, in Vietnamese and Vietnam's
 * time.
 */
public final class ConsoleFormats {

	/** The time zone of the pages' dates. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant) : "";
	}

	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant) : "";
	}

	/**
	 * Formats a count with dots between thousands, as Vietnamese writes it.
	 * @param count the count
	 * @return such as {@code 12.345}
	 */
	public String count(long count) {
		return String.format("%,d", count).replace(',', '.');
	}

	/**
	 * Formats a percentage with one decimal after a comma.
	 * @param percent the percentage, or null
	 * @return such as {@code 72,9}, or a dash for null
	 */
	public String percent(Double percent) {
		if (percent == null) {
			return "—";
		}
		String text = String.format(java.util.Locale.ROOT, "%,.1f", percent);
		return text.replace(',', ' ').replace('.', ',').replace(' ', '.');
	}

	/**
	 * The key of a unit's status label: behind, on pace, target met or no target.
	 * @param unit the unit's progress
	 * @param state the campaign's state
	 * @return a message key under {@code console.progress.status.}
	 */
	public String status(UnitProgress unit, CampaignState state) {
		if (unit.target() == null) {
			return "console.progress.status.noTarget";
		}
		if (unit.behind()) {
			return "console.progress.status.behind";
		}
		if (unit.responses() >= unit.target()) {
			return "console.progress.status.met";
		}
		return (state == CampaignState.DRAFT) ? "console.progress.status.draft" : "console.progress.status.onPace";
	}

}
