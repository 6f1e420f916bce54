# `with` is used only in test bodies: a function that uses it does not
# compile with `opa build -t wasm` (the tests are part of that build).
package finops.permission_test

import data.finops.permission

config := {
	"admin_groups": ["group:default/platform-team"],
	"security_approver_groups": ["group:default/risk-team"],
}

developer := {"ref": "user:default/ana", "groups": ["group:default/payments-team", "user:default/ana"]}

admin := {"ref": "user:default/priya", "groups": ["group:default/platform-team"]}

approver := {"ref": "user:default/mei", "groups": ["risk-team"]}

request(name, action, resource_type, resource, user) := {
	"permission": {"name": name, "attributes": {"action": action}, "resourceType": resource_type},
	"user": user,
	"resource": resource,
	"config": config,
}

payments_owned := {"owner": "group:default/payments-team"}

ledger_owned := {"owner": "group:default/ledger-team"}

# PERM-SIGNIN-001

test_signed_in_may_read_and_create if {
	permission.decision == {"result": "ALLOW", "reason": "signed in"} with input as request("catalog.entity.read", "read", "catalog-entity", null, developer)
	permission.decision == {"result": "ALLOW", "reason": "signed in"} with input as request("scaffolder.task.create", "create", null, null, developer)
}

test_anonymous_denied if {
	every user in [{"ref": null, "groups": []}, {"groups": ["group:default/platform-team"]}] {
		permission.decision == {"result": "DENY", "reason": "PERM-SIGNIN-001: not signed in"} with input as request("catalog.entity.read", "read", "catalog-entity", null, user)
	}
}

test_everyday_permissions_without_action_allowed if {
	every name in ["scaffolder.action.execute", "catalog.location.analyze"] {
		permission.decision.result == "ALLOW" with input as request(name, null, null, null, developer)
	}
}

# PERM-ADMIN-001

test_admin_may_delete_entities if {
	permission.decision == {"result": "ALLOW", "reason": "platform admin"} with input as request("catalog.entity.delete", "delete", "catalog-entity", payments_owned, admin)
	permission.decision.result == "ALLOW" with input as request("kubernetes.proxy", null, null, null, admin)
}

test_non_admin_delete_denied if {
	every name in ["catalog.entity.delete", "catalog.location.delete"] {
		permission.decision == {"result": "DENY", "reason": "PERM-ADMIN-001: only platform admins may do this"} with input as request(name, "delete", "catalog-entity", payments_owned, developer)
	}
	permission.decision.result == "DENY" with input as request("catalog.entity.delete", "delete", "catalog-entity", null, developer)
}

# PERM-APPROVER-001

test_security_approver_may_approve_exceptions if {
	permission.decision == {"result": "ALLOW", "reason": "security approver"} with input as request("policy.exception.approve", "update", null, null, approver)
	permission.decision.result == "ALLOW" with input as request("policy.exception.approve", "update", null, null, admin)
}

test_others_may_not_approve_exceptions if {
	permission.decision == {"result": "DENY", "reason": "PERM-APPROVER-001: only security approvers approve policy exceptions"} with input as request("policy.exception.approve", "update", "policy-exception", payments_owned, developer)
}

# PERM-SOD-001

test_nobody_approves_their_own_exception if {
	permission.decision == {"result": "DENY", "reason": "PERM-SOD-001: nobody reviews their own exception"} with input as request("policy.exception.approve", "update", "policy-exception", {"owner": "group:default/payments-team", "requester": "mei"}, approver)
	permission.decision.result == "DENY" with input as request("policy.exception.approve", "update", "policy-exception", {"requester": "user:default/priya"}, admin)
}

test_approver_may_approve_someone_elses_exception if {
	permission.decision == {"result": "ALLOW", "reason": "security approver"} with input as request("policy.exception.approve", "update", "policy-exception", {"owner": "group:default/payments-team", "requester": "user:default/ana"}, approver)
}

test_security_approver_has_no_other_rights if {
	permission.decision.result == "DENY" with input as request("catalog.entity.refresh", "update", "catalog-entity", ledger_owned, approver)
}

# PERM-OWNER-001

test_owner_may_update_and_delete if {
	permission.decision == {"result": "ALLOW", "reason": "owner"} with input as request("catalog.entity.refresh", "update", "catalog-entity", payments_owned, developer)
	permission.decision.result == "ALLOW" with input as request("policy.exception.delete", "delete", "policy-exception", {"owner": "payments-team"}, developer)
	permission.decision.result == "ALLOW" with input as request("pipelines.run.delete", "delete", "pipeline-run", {"owner": "user:default/ana"}, {"ref": "user:ana", "groups": []})
}

test_non_owner_update_denied if {
	permission.decision == {"result": "DENY", "reason": "PERM-OWNER-001: only the owners may change this"} with input as request("catalog.entity.refresh", "update", "catalog-entity", ledger_owned, developer)
	permission.decision.result == "DENY" with input as request("catalog.ingestion.manage", "update", null, null, developer)
}

test_list_check_is_conditional_on_ownership if {
	permission.decision == {"result": "CONDITIONAL", "reason": "ownership"} with input as request("catalog.entity.refresh", "update", "catalog-entity", null, developer)
	result := permission.decision with input as {
		"permission": {"name": "catalog.entity.refresh", "attributes": {"action": "update"}, "resourceType": "catalog-entity"},
		"user": developer,
		"config": config,
	}
	result.result == "CONDITIONAL"
}

# PERM-DEFAULT-001

test_unknown_permission_without_action_denied if {
	every name in ["kubernetes.proxy", "scaffolder.template.management"] {
		permission.decision == {"result": "DENY", "reason": "PERM-DEFAULT-001: no role grants this permission"} with input as request(name, null, null, null, developer)
	}
}

test_allow_follows_decision if {
	permission.allow with input as {"permission": {"name": "x", "attributes": {"action": "read"}}, "user": developer, "config": config}
	not permission.allow with input as {"permission": {"name": "x", "attributes": {}}, "user": developer, "config": config}
}
