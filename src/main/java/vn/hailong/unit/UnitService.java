package vn.hailong.unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import vn.hailong.access.Access;
import vn.hailong.audit.AuditLog;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;

import org.jspecify.annotations.Nullable;

/**
 * Creates, imports and finds units; an import is checked whole and stored whole, or not
 * at all, and recorded in the audit log in the same transaction.
 */
@Service
public class UnitService {

	static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

	private final UnitRepository units;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	UnitService(UnitRepository units, AuditLog audit, TransactionalOperator transaction) {
		this.units = units;
		this.audit = audit;
		this.transaction = transaction;
	}

	public Flux<Unit> findAll() {
		return this.units.findAll();
	}

	/**
	 * The units the member reads.
	 * @param access the signed-in member
	 * @return the units, by code
	 */
	public Flux<Unit> findAll(Access access) {
		return this.units.findAll().filter((unit) -> access.canRead(unit.id()));
	}

	/**
	 * Finds a unit the member reads by code.
	 * @param access the signed-in member
	 * @param code the unit's code
	 * @return the unit; an error {@code not-found} or {@code outside-scope}
	 */
	public Mono<Unit> find(Access access, String code) {
		return find(code).doOnNext((unit) -> access.requireRead(unit.id()));
	}

	/**
	 * The units the member manages.
	 * @param access the signed-in member
	 * @return the units, by code
	 */
	public Flux<Unit> findManaged(Access access) {
		return this.units.findAll().filter((unit) -> access.canManage(unit.id()));
	}

	/**
	 * Checks that the member may create and import units.
	 * @param access the signed-in member
	 * @return empty; an error {@code forbidden} for anyone but an administrator
	 */
	public Mono<Void> checkChange(Access access) {
		return Mono.fromRunnable(access::requireAdministrator);
	}

	/**
	 * Whether the member may create and import units, for offering the forms.
	 * @param access the signed-in member
	 * @return {@code true} for administrators
	 */
	public boolean mayChange(Access access) {
		return access.administrator();
	}

	/**
	 * Reads units from CSV and imports them (administrators only), as
	 * {@link #importAll(Access, List)} does.
	 * @param access the signed-in member
	 * @param csv the units as CSV, header {@code code,name,level,parent,population}
	 * @return how many units were created and updated; an error {@code forbidden}, or
	 * {@code invalid-request} naming the rows and fields
	 */
	public Mono<ImportResult> importCsv(Access access, @Nullable String csv) {
		return checkChange(access).then(Mono.defer(() -> importAll(access, UnitCsv.read(csv))));
	}

	/**
	 * Reads units from an uploaded CSV file, which must be UTF-8, and imports them
	 * (administrators only), as {@link #importAll(Access, List)} does.
	 * @param access the signed-in member
	 * @param csv the file's bytes, header {@code code,name,level,parent,population}
	 * @return how many units were created and updated; an error {@code forbidden},
	 * {@code invalid-encoding} when the file is not UTF-8 (such as one saved by Excel in
	 * Windows-1258), or {@code invalid-request} naming the rows and fields
	 */
	public Mono<ImportResult> importCsv(Access access, byte @Nullable [] csv) {
		return checkChange(access).then(Mono.defer(() -> importAll(access, UnitCsv.read(csv, "body"))));
	}

	/**
	 * Who issues a unit's printed survey notice and the contact line it ends with, as
	 * {@link NoticeIssuer#of(Unit, Map)} works them out from the unit tree.
	 * @param code the unit's code
	 * @return the issuer, or an error {@code not-found} when there is no such unit
	 */
	public Mono<NoticeIssuer> noticeIssuer(String code) {
		return this.units.findAll()
			.collectMap(Unit::code)
			.flatMap((all) -> Mono.justOrEmpty(all.get(code))
				.map((unit) -> NoticeIssuer.of(unit, all))
				.switchIfEmpty(Mono.error(() -> ApiException.notFound("Unit", code))));
	}

	/**
	 * Finds a unit by code.
	 * @param code the unit's code
	 * @return the unit, or an error {@code not-found} when there is none
	 */
	public Mono<Unit> find(String code) {
		return this.units.findByCode(code).switchIfEmpty(Mono.error(() -> ApiException.notFound("Unit", code)));
	}

	/**
	 * Creates a unit, or updates the one with the same code (administrators only), and
	 * records {@code unit.created}.
	 * @param access the signed-in member
	 * @param input the unit
	 * @return the stored unit; an error {@code invalid-request} naming the fields, or
	 * {@code forbidden}
	 */
	public Mono<Unit> create(Access access, UnitInput input) {
		return Mono.fromRunnable(access::requireAdministrator)
			.then(Mono.defer(() -> store(List.of(input), "")))
			.then(Mono.defer(() -> find(input.code())))
			.flatMap((unit) -> this.audit
				.record("unit.created", "unit", unit.code(), unit.id(),
						Map.of("name", unit.name(), "population", unit.population()))
				.thenReturn(unit))
			.as(this.transaction::transactional);
	}

	/**
	 * Checks and stores a list of units (administrators only), creating new codes and
	 * updating known ones, and records {@code units.imported}; parents may be units of
	 * the same list, in any order.
	 * @param access the signed-in member
	 * @param inputs the units
	 * @return how many units were created and updated; an error {@code invalid-request}
	 * naming each offending field as {@code units[i].field}, or {@code forbidden}
	 */
	public Mono<ImportResult> importAll(Access access, List<UnitInput> inputs) {
		return Mono.fromRunnable(access::requireAdministrator)
			.then(Mono.defer(() -> store(inputs, "units")))
			.flatMap((result) -> this.audit
				.record("units.imported", "unit", "import",
						Map.of("created", result.created(), "updated", result.updated(), "units",
								inputs.stream().map((input) -> (input != null) ? input.code() : null).toList()))
				.thenReturn(result))
			.as(this.transaction::transactional);
	}

	private Mono<ImportResult> store(List<UnitInput> inputs, String prefix) {
		return this.units.findAll().collectList().flatMap((existing) -> {
			check(inputs, existing, prefix);
			return Flux.fromIterable(inputs)
				.concatMap(this.units::upsert)
				.reduce(new ImportResult(0, 0),
						(result, inserted) -> inserted ? new ImportResult(result.created() + 1, result.updated())
								: new ImportResult(result.created(), result.updated() + 1))
				.flatMap((result) -> Flux.fromIterable(inputs)
					.concatMap((input) -> this.units.setParent(input.code(), blankToNull(input.parent())))
					.then(Mono.just(result)));
		});
	}

	private static void check(List<UnitInput> inputs, List<Unit> existing, String prefix) {
		var problems = new ArrayList<FieldProblem>();
		var parents = new HashMap<String, String>();
		existing.forEach((unit) -> parents.put(unit.code(), unit.parent()));
		var seen = new HashSet<String>();
		if (inputs.isEmpty()) {
			problems.add(new FieldProblem(prefix.isEmpty() ? "units" : prefix, "empty", "no units were given"));
		}
		for (int i = 0; i < inputs.size(); i++) {
			UnitInput input = inputs.get(i);
			String at = prefix.isEmpty() ? "" : prefix + "[" + i + "].";
			if (input == null) {
				problems.add(new FieldProblem(prefix + "[" + i + "]", "required", "a unit is required"));
				continue;
			}
			if (input.code() == null || !CODE.matcher(input.code()).matches()) {
				problems.add(new FieldProblem(at + "code", "invalid",
						"code is required: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
			}
			else if (!seen.add(input.code())) {
				problems.add(new FieldProblem(at + "code", "duplicate", "code '" + input.code() + "' is given twice"));
			}
			if (input.name() == null || input.name().isBlank() || input.name().strip().length() > 300) {
				problems.add(new FieldProblem(at + "name", "invalid", "name is required, at most 300 characters"));
			}
			if (input.level() == null || UnitLevel.fromCode(input.level()).isEmpty()) {
				problems.add(new FieldProblem(at + "level", "invalid", "level must be one of " + UnitLevel.allCodes()));
			}
			if (input.population() == null || input.population() < 0) {
				problems.add(new FieldProblem(at + "population", "invalid",
						"population is required: pupils enrolled, or procedures handled per year (0 or more)"));
			}
			if (input.contact() != null && input.contact().strip().length() > 300) {
				problems.add(new FieldProblem(at + "contact", "too-long",
						"the notice's contact line has at most 300 characters"));
			}
			if (input.code() != null) {
				parents.put(input.code(), blankToNull(input.parent()));
			}
		}
		for (int i = 0; i < inputs.size(); i++) {
			UnitInput input = inputs.get(i);
			String parent = (input != null) ? blankToNull(input.parent()) : null;
			if (parent == null) {
				continue;
			}
			String at = prefix.isEmpty() ? "" : prefix + "[" + i + "].";
			if (!parents.containsKey(parent)) {
				problems.add(new FieldProblem(at + "parent", "unknown", "parent unit '" + parent + "' does not exist"));
			}
			else if (formsCycle(input.code(), parents)) {
				problems.add(new FieldProblem(at + "parent", "cycle",
						"unit '" + input.code() + "' would become its own ancestor"));
			}
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
	}

	private static boolean formsCycle(String code, Map<String, String> parents) {
		var visited = new HashSet<String>();
		String current = parents.get(code);
		while (current != null) {
			if (current.equals(code) || !visited.add(current)) {
				return true;
			}
			current = parents.get(current);
		}
		return false;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * What an import did.
	 *
	 * @param created how many units were new
	 * @param updated how many existing units were updated
	 */
	public record ImportResult(int created, int updated) {
	}

}
