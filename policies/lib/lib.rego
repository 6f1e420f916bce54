# Helpers shared by the decision points. Only builtins that OPA compiles to
# Wasm natively are used, so the embedded evaluator and the OPA server give
# the same answers; messages are built with concat, not sprintf, whose Wasm
# implementation formats values differently from OPA's.
package finops.lib

# entity_ref normalises a Backstage entity reference to "kind:namespace/name",
# lower-cased, filling in the kind and namespace the way Backstage does:
# "payments-team", "group:payments-team" and "group:default/payments-team"
# are the same group. Undefined when value is not a reference.
entity_ref(value, default_kind, default_namespace) := concat("", [kind, ":", namespace, "/", name]) if {
	is_string(value)
	[kind, rest] := _split_kind(lower(trim_space(value)), lower(default_kind))
	[namespace, name] := _split_namespace(rest, lower(default_namespace))
	regex.match(`^[a-z0-9][-a-z0-9_.]*$`, kind)
	regex.match(`^[a-z0-9][-a-z0-9_.]*$`, namespace)
	regex.match(`^[a-z0-9][-a-z0-9_.]*$`, name)
}

_split_kind(ref, default_kind) := split(ref, ":") if contains(ref, ":")

else := [default_kind, ref]

_split_namespace(rest, default_namespace) := split(rest, "/") if contains(rest, "/")

else := [default_namespace, rest]

# entity_refs normalises every reference of a list; the ones that are not
# references are dropped.
entity_refs(values, default_kind) := {r |
	some value in values
	r := entity_ref(value, default_kind, "default")
}

# text renders any input value for a message.
text(value) := value if is_string(value)

else := json.marshal(value)

# non_empty holds for a string with more than whitespace.
non_empty(value) if {
	is_string(value)
	trim_space(value) != ""
}

# flag holds for the "true" a label or annotation carries (or a JSON true).
flag(value) if value in {true, "true"}

# violation turns a rule of a decision point's `rules` and an input-specific
# message into the violation object of the contract (policies/README.md).
violation(rules, id, message) := {
	"rule": id,
	"severity": rules[id].severity,
	"message": message,
	"remediation": rules[id].remediation,
	"frameworks": rules[id].frameworks,
}

# excepted_rule_ids is the set of rule ids that active exceptions cover; the
# caller has already kept only the exceptions for this subject that are
# approved and not expired.
excepted_rule_ids(exceptions) := {e.rule |
	some e in exceptions
	is_string(e.rule)
}
