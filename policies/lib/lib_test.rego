package finops.lib_test

import data.finops.lib

test_entity_ref_fills_in_kind_and_namespace if {
	lib.entity_ref("payments-team", "group", "default") == "group:default/payments-team"
	lib.entity_ref("group:payments-team", "group", "default") == "group:default/payments-team"
	lib.entity_ref("default/payments-team", "group", "default") == "group:default/payments-team"
	lib.entity_ref(" Group:Finance/Payments-Team ", "group", "default") == "group:finance/payments-team"
	lib.entity_ref("payments", "System", "Default") == "system:default/payments"
}

test_entity_ref_rejects_what_is_not_a_reference if {
	every value in ["a:b:c", "a/b/c", "", "group:", "a b", 7, null] {
		not lib.entity_ref(value, "group", "default")
	}
}

test_entity_refs_drops_non_references if {
	lib.entity_refs(["x", 3, "user:y", "a:b:c"], "group") == {"group:default/x", "user:default/y"}
}

test_text_renders_any_value if {
	lib.text("a") == "a"
	lib.text(3) == "3"
	lib.text(null) == "null"
}

test_excepted_rule_ids_keeps_rule_ids if {
	lib.excepted_rule_ids([{"rule": "CAT-PCI-001"}, {"rule": 7}, {"id": "x"}]) == {"CAT-PCI-001"}
}

# The contract the TypeScript side reads: every decision point's `rules`.
test_every_rule_follows_the_contract if {
	every point in ["catalog", "scaffolder", "deploy", "secrets", "permission"] {
		count(data.finops[point].rules) > 0
		every id, rule in data.finops[point].rules {
			regex.match(`^[A-Z]+-[A-Z]+-[0-9]{3}$`, id)
			lib.non_empty(rule.title)
			rule.severity in {"critical", "high", "medium", "low"}
			lib.non_empty(rule.remediation)
			is_array(rule.frameworks)
			count(rule.frameworks) > 0
			is_boolean(rule.enforcing)
		}
	}
}
