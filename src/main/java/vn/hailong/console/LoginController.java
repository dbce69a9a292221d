package vn.hailong.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security handles the form's POST.
 */
@Controller
class LoginController {

	@GetMapping("/console/login")
	String login() {
		return "console/login";
	}

}
