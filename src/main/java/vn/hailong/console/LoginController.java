package vn.hailong.console;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, with the alert the query names ({@code ?error}, {@code ?locked},
 * {@code ?logout}) and none on a first visit; Spring Security handles the form's POST and
 * the sign-out POST, and a typed {@code GET /console/logout} gets a page with the
 * sign-out button.
 */
@Controller
class LoginController {

	@GetMapping("/console/login")
	String login(ServerHttpRequest request, Model model) {
		var query = request.getQueryParams();
		model.addAttribute("failed", query.containsKey("error"));
		model.addAttribute("locked", query.containsKey("locked"));
		model.addAttribute("signedOut", query.containsKey("logout"));
		return "console/login";
	}

	@GetMapping("/console/logout")
	String logout() {
		return "console/logout";
	}

}
