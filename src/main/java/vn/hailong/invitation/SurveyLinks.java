package vn.hailong.invitation;

import java.net.URI;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Writes the absolute addresses of survey pages, as printed on slips, notices and QR
 * codes: from {@code hailong.invitations.base-url} when set, else from the request's own
 * scheme, host and port.
 */
@Component
public class SurveyLinks {

	private final InvitationProperties properties;

	SurveyLinks(InvitationProperties properties) {
		this.properties = properties;
	}

	/**
	 * Returns the service's public address.
	 * @param request the request being answered
	 * @return such as {@code https://khaosat.example.vn}, without a trailing slash
	 */
	public String baseUrl(ServerHttpRequest request) {
		String configured = this.properties.baseUrl();
		if (configured != null && !configured.isBlank()) {
			return configured.strip().replaceAll("/+$", "");
		}
		URI uri = request.getURI();
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	/**
	 * Returns the public survey page of a campaign's unit.
	 * @param request the request being answered
	 * @param campaign the campaign's id
	 * @param unit the unit's code (letters, digits, '.', '_' and '-' only)
	 * @return such as {@code https://khaosat.example.vn/s/12/TH-LH}
	 */
	public String survey(ServerHttpRequest request, long campaign, String unit) {
		return baseUrl(request) + "/s/" + campaign + "/" + unit;
	}

}
