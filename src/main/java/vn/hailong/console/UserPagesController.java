package vn.hailong.console;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import vn.hailong.access.Access;
import vn.hailong.account.AccountService;
import vn.hailong.account.MemberInput;
import vn.hailong.access.Role;
import vn.hailong.access.StaffMember;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.unit.UnitService;

/**
 * The staff accounts pages: the accounts a member may see with a form to create one, and
 * a page to change each, offering only the roles and units the member may grant.
 * Administrators and unit managers only.
 */
@Controller
@RequestMapping("/console/users")
class UserPagesController {

	private final AccountService accounts;

	private final UnitService units;

	private final ConsoleMessages messages;

	UserPagesController(AccountService accounts, UnitService units, ConsoleMessages messages) {
		this.accounts = accounts;
		this.units = units;
		this.messages = messages;
	}

	@GetMapping
	Mono<Rendering> list(Access access, @RequestParam(required = false) String created,
			@RequestParam(required = false) String changed) {
		return manager(access).flatMap((manager) -> listPage(access, UserForm.blank(), Map.of(), HttpStatus.OK))
			.map((page) -> page.modelAttribute("created", (created != null) ? created : "")
				.modelAttribute("changed", (changed != null) ? changed : "")
				.build());
	}

	@PostMapping
	Mono<Rendering> create(Access manager, ServerWebExchange exchange) {
		return Mono.zip(manager(manager), exchange.getFormData()).flatMap((loaded) -> {
			Access access = loaded.getT1();
			UserForm form = UserForm.read(loaded.getT2());
			String unit = (Role.of(form.role()) == Role.ADMINISTRATOR) ? null : blankToNull(form.unit());
			var input = new MemberInput(form.username(), form.displayName(), form.role(), unit,
					loaded.getT2().getFirst("password"), null);
			return this.accounts.create(access, input)
				.map((member) -> Rendering.redirectTo("/console/users?created=" + member.username()).build())
				.onErrorResume(ApiException.class,
						(ex) -> refusal(ex).flatMap((errors) -> listPage(access, form, errors, HttpStatus.BAD_REQUEST))
							.map(Rendering.Builder::build));
		});
	}

	@GetMapping("/{id}")
	Mono<Rendering> editForm(Access manager, @PathVariable long id) {
		return manager(manager).flatMap((access) -> this.accounts.find(access, id)
			.flatMap((member) -> editPage(access, member, UserForm.of(member), Map.of(), HttpStatus.OK)));
	}

	@PostMapping("/{id}")
	Mono<Rendering> change(Access manager, @PathVariable long id, ServerWebExchange exchange) {
		return Mono.zip(manager(manager), exchange.getFormData()).flatMap((loaded) -> {
			Access access = loaded.getT1();
			MultiValueMap<String, String> data = loaded.getT2();
			UserForm form = UserForm.read(data);
			String unit = (Role.of(form.role()) == Role.ADMINISTRATOR) ? null : form.unit();
			String password = blankToNull(data.getFirst("password"));
			var input = new MemberInput(null, form.displayName(), blankToNull(form.role()), unit, password,
					form.active());
			return this.accounts.change(access, id, input)
				.map((member) -> Rendering.redirectTo("/console/users?changed=" + member.username()).build())
				.onErrorResume(ApiException.class,
						(ex) -> refusal(ex).flatMap((errors) -> this.accounts.find(access, id)
							.flatMap((member) -> editPage(access, member, form.withUsername(member.username()), errors,
									HttpStatus.BAD_REQUEST))));
		});
	}

	/**
	 * Field problems, a taken username and the last administrator go beside their field;
	 * other refusals (scope, role) go to the error page.
	 */
	private Mono<Map<String, String>> refusal(ApiException ex) {
		if (!ex.errors().isEmpty()) {
			return Mono.just(this.messages.byField(ex.errors()));
		}
		String field = switch (ex.kind()) {
			case "username-taken" -> "username";
			case "last-administrator" -> "active";
			default -> null;
		};
		if (field == null) {
			return Mono.error(ex);
		}
		String code = ex.kind().equals("username-taken") ? "taken" : ex.kind();
		return Mono.just(this.messages.byField(List.of(new FieldProblem(field, code, ex.getMessage()))));
	}

	private Mono<Access> manager(Access access) {
		return this.accounts.checkManage(access).thenReturn(access);
	}

	private Mono<Rendering.Builder<?>> listPage(Access access, UserForm form, Map<String, String> errors,
			HttpStatus status) {
		return Mono.zip(this.accounts.findAll(access).collectList(), unitChoices(access)).map((loaded) -> {
			var rows = loaded.getT1()
				.stream()
				.map((member) -> new UserRow(member, member.id() == access.member().id()))
				.toList();
			return Rendering.view("console/users")
				.status(status)
				.modelAttribute("users", rows)
				.modelAttribute("roles", roleChoices(access))
				.modelAttribute("unitChoices", loaded.getT2())
				.modelAttribute("form", form)
				.modelAttribute("errors", errors)
				.modelAttribute("created", "")
				.modelAttribute("changed", "");
		});
	}

	private Mono<Rendering> editPage(Access access, StaffMember member, UserForm form, Map<String, String> errors,
			HttpStatus status) {
		return unitChoices(access).map((units) -> Rendering.view("console/user")
			.status(status)
			.modelAttribute("member", member)
			.modelAttribute("self", member.id() == access.member().id())
			.modelAttribute("roles", roleChoices(access))
			.modelAttribute("unitChoices", units)
			.modelAttribute("form", form)
			.modelAttribute("errors", errors)
			.build());
	}

	/**
	 * The roles the member may grant: all for administrators, else all but administrator.
	 */
	private List<UnitPagesController.Choice> roleChoices(Access access) {
		return this.accounts.grantableRoles(access)
			.stream()
			.map((role) -> new UnitPagesController.Choice(role.code(), role.label()))
			.toList();
	}

	/**
	 * The units the member manages, as a tree.
	 */
	private Mono<List<UnitPagesController.Choice>> unitChoices(Access access) {
		return this.units.findManaged(access)
			.collectList()
			.map((units) -> UnitTree.of(units)
				.stream()
				.map((node) -> new UnitPagesController.Choice(node.unit().code(),
						"\u00a0\u00a0".repeat(Math.min(node.depth(), 6)) + node.unit().code() + " · "
								+ node.unit().name()))
				.toList());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * One account in the list.
	 *
	 * @param member the account
	 * @param self whether this is the signed-in member's own account
	 */
	record UserRow(StaffMember member, boolean self) {
	}

	/**
	 * An account form as typed; never holds a password.
	 */
	record UserForm(String username, String displayName, String role, String unit, boolean active) {

		static UserForm blank() {
			return new UserForm("", "", Role.VIEWER.code(), "", true);
		}

		static UserForm of(StaffMember member) {
			return new UserForm(member.username(), member.displayName(), member.role().code(),
					(member.unitCode() != null) ? member.unitCode() : "", member.active());
		}

		UserForm withUsername(String username) {
			return new UserForm(username, this.displayName, this.role, this.unit, this.active);
		}

		static UserForm read(MultiValueMap<String, String> data) {
			return new UserForm(UnitPagesController.value(data, "username"),
					UnitPagesController.value(data, "displayName"), UnitPagesController.value(data, "role"),
					UnitPagesController.value(data, "unit"), data.containsKey("active"));
		}

	}

}
