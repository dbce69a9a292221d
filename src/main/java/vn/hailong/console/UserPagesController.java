package vn.hailong.console;

import java.util.ArrayList;
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

import vn.hailong.account.Access;
import vn.hailong.account.AccountService;
import vn.hailong.account.MemberInput;
import vn.hailong.account.Role;
import vn.hailong.account.StaffAccess;
import vn.hailong.account.StaffMember;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.unit.UnitService;

/**
 * The staff accounts page: the accounts a member may see, a form to create one and a form
 * to change each, offering only the roles and units the member may grant. Administrators
 * and unit managers only.
 */
@Controller
@RequestMapping("/console/users")
class UserPagesController {

	private final AccountService accounts;

	private final UnitService units;

	private final StaffAccess access;

	private final ConsoleProblems problems;

	UserPagesController(AccountService accounts, UnitService units, StaffAccess access, ConsoleProblems problems) {
		this.accounts = accounts;
		this.units = units;
		this.access = access;
		this.problems = problems;
	}

	@GetMapping
	Mono<Rendering> list(@RequestParam(required = false) String created,
			@RequestParam(required = false) String changed) {
		return manager()
			.flatMap((access) -> page(access, UserForm.blank(), Map.of(), null, null, Map.of(), HttpStatus.OK))
			.map((page) -> page.modelAttribute("created", (created != null) ? created : "")
				.modelAttribute("changed", (changed != null) ? changed : "")
				.build());
	}

	@PostMapping
	Mono<Rendering> create(ServerWebExchange exchange) {
		return Mono.zip(manager(), exchange.getFormData()).flatMap((loaded) -> {
			Access access = loaded.getT1();
			UserForm form = UserForm.read(loaded.getT2());
			String unit = (Role.of(form.role()) == Role.ADMINISTRATOR) ? null : blankToNull(form.unit());
			var input = new MemberInput(form.username(), form.displayName(), form.role(), unit,
					loaded.getT2().getFirst("password"), null);
			return this.accounts.create(access, input)
				.map((member) -> Rendering.redirectTo("/console/users?created=" + member.username()).build())
				.onErrorResume(ApiException.class,
						(ex) -> refusal(ex).flatMap(
								(errors) -> page(access, form, errors, null, null, Map.of(), HttpStatus.BAD_REQUEST))
							.map(Rendering.Builder::build));
		});
	}

	@PostMapping("/{id}")
	Mono<Rendering> change(@PathVariable long id, ServerWebExchange exchange) {
		return Mono.zip(manager(), exchange.getFormData()).flatMap((loaded) -> {
			Access access = loaded.getT1();
			MultiValueMap<String, String> data = loaded.getT2();
			UserForm form = UserForm.read(data);
			String unit = (Role.of(form.role()) == Role.ADMINISTRATOR) ? null : form.unit();
			String password = blankToNull(data.getFirst("password"));
			var input = new MemberInput(null, form.displayName(), blankToNull(form.role()), unit, password,
					form.active());
			return this.accounts.change(access, id, input)
				.map((member) -> Rendering.redirectTo("/console/users?changed=" + member.username()).build())
				.onErrorResume(ApiException.class, (ex) -> refusal(ex).flatMap(
						(errors) -> page(access, UserForm.blank(), Map.of(), id, form, errors, HttpStatus.BAD_REQUEST))
					.map(Rendering.Builder::build));
		});
	}

	/**
	 * Field problems, a taken username and the last administrator go beside their field;
	 * other refusals (scope, role) go to the error page.
	 */
	private Mono<Map<String, String>> refusal(ApiException ex) {
		if (!ex.errors().isEmpty()) {
			return Mono.just(this.problems.byField(ex.errors()));
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
		return Mono.just(this.problems.byField(List.of(new FieldProblem(field, code, ex.getMessage()))));
	}

	private Mono<Access> manager() {
		return this.access.current().doOnNext((access) -> {
			if (access.member().role() == Role.VIEWER) {
				throw Access.forbidden();
			}
		});
	}

	private Mono<Rendering.Builder<?>> page(Access access, UserForm newForm, Map<String, String> newErrors,
			Long editing, UserForm editForm, Map<String, String> editErrors, HttpStatus status) {
		var roles = new ArrayList<UnitPagesController.Choice>();
		for (Role role : Role.values()) {
			if (access.administrator() || role != Role.ADMINISTRATOR) {
				roles.add(new UnitPagesController.Choice(role.code(), role.label()));
			}
		}
		return Mono
			.zip(this.accounts.findAll(access).collectList(),
					this.units.findAll().filter((unit) -> access.canManage(unit.id())).collectList())
			.map((loaded) -> {
				var units = UnitTree.of(loaded.getT2())
					.stream()
					.map((node) -> new UnitPagesController.Choice(node.unit().code(),
							"\u00a0\u00a0".repeat(Math.min(node.depth(), 6)) + node.unit().code() + " · "
									+ node.unit().name()))
					.toList();
				var rows = loaded.getT1().stream().map((member) -> {
					boolean open = editing != null && editing == member.id();
					return new UserRow(member, open ? editForm : UserForm.of(member), open ? editErrors : Map.of(),
							open, member.id() == access.member().id());
				}).toList();
				return Rendering.view("console/users")
					.status(status)
					.modelAttribute("users", rows)
					.modelAttribute("roles", roles)
					.modelAttribute("unitChoices", units)
					.modelAttribute("form", newForm)
					.modelAttribute("errors", newErrors)
					.modelAttribute("created", "")
					.modelAttribute("changed", "");
			});
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * One account with its change form.
	 *
	 * @param member the account as stored
	 * @param form the change form's values: as stored, or as typed when refused
	 * @param errors the change form's problems by field
	 * @param open whether the change form starts open
	 * @param self whether this is the signed-in member's own account
	 */
	record UserRow(StaffMember member, UserForm form, Map<String, String> errors, boolean open, boolean self) {
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

		static UserForm read(MultiValueMap<String, String> data) {
			return new UserForm(UnitPagesController.value(data, "username"),
					UnitPagesController.value(data, "displayName"), UnitPagesController.value(data, "role"),
					UnitPagesController.value(data, "unit"), data.containsKey("active"));
		}

	}

}
