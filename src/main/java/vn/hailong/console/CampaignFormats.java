package vn.hailong.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import vn.hailong.campaign.CampaignState;
import vn.hailong.period.Period;

/**
 * Writes periods, dates and campaign states as Vietnamese staff read them on the campaign
 * pages.
 */
final class CampaignFormats {

	/** The time zone in which staff pick and read dates. */
	static final ZoneId ZONE = ConsoleFormats.ZONE;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private static final String[] ROMAN = { "I", "II", "III", "IV" };

	private CampaignFormats() {
	}

	/**
	 * Names a period from the {@code console.period.*} messages: {@code năm 2025},
	 * {@code 6 tháng đầu năm 2025}, {@code quý III năm 2025}.
	 */
	static String period(ConsoleMessages messages, Period period) {
		String year = Integer.toString(period.year());
		return switch (period.kind()) {
			case YEAR -> messages.format("period.year", year);
			case HALF -> messages.format("period.half." + period.index(), year);
			case QUARTER -> messages.format("period.quarter", year, ROMAN[period.index() - 1]);
		};
	}

	static String date(Instant instant) {
		return DATE.format(instant.atZone(ZONE));
	}

	static String dateTime(Instant instant) {
		return DATE_TIME.format(instant.atZone(ZONE));
	}

	/**
	 * Returns the last day on which an instant that ends a period still lets answers in:
	 * the day before when it falls at midnight.
	 */
	static LocalDate lastDay(Instant closesAt) {
		return closesAt.minusNanos(1).atZone(ZONE).toLocalDate();
	}

	static String lastDate(Instant closesAt) {
		return DATE.format(lastDay(closesAt));
	}

	/** Names a campaign's state from the {@code console.campaign.state.*} messages. */
	static String state(ConsoleMessages messages, CampaignState state) {
		return messages.format("campaign.state." + state.code());
	}

}
