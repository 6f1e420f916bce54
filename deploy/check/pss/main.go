// Command pss evaluates the pod templates of a rendered release against a
// Pod Security Standard with the Pod Security Admission library itself
// (k8s.io/pod-security-admission), the code the API server runs when a
// namespace is labelled pod-security.kubernetes.io/enforce.
//
//	pss <level> <version> <rendered.yaml>    e.g. pss restricted v1.30 portal.yaml
//
// Prints one line per pod template and exits 1 when any is forbidden.
package main

import (
	"bytes"
	"fmt"
	"os"
	"regexp"

	appsv1 "k8s.io/api/apps/v1"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	"sigs.k8s.io/yaml"
)

var documentSeparator = regexp.MustCompile(`(?m)^---[ \t]*$`)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: pss <level> <version> <rendered.yaml>")
		os.Exit(2)
	}
	level, err := api.ParseLevel(os.Args[1])
	check(err)
	version, err := api.ParseVersion(os.Args[2])
	check(err)
	rendered, err := os.ReadFile(os.Args[3])
	check(err)
	evaluator, err := policy.NewEvaluator(policy.DefaultChecks(), nil)
	check(err)

	templates, forbidden := 0, 0
	for _, document := range documentSeparator.Split(string(rendered), -1) {
		var kind struct{ Kind string }
		if err := yaml.Unmarshal([]byte(document), &kind); err != nil || kind.Kind != "Deployment" {
			continue
		}
		var deployment appsv1.Deployment
		check(yaml.UnmarshalStrict(bytes.TrimSpace([]byte(document)), &deployment))
		template := deployment.Spec.Template
		result := policy.AggregateCheckResults(evaluator.EvaluatePod(
			api.LevelVersion{Level: level, Version: version}, &template.ObjectMeta, &template.Spec))
		templates++
		if result.Allowed {
			fmt.Printf("Deployment %s: allowed by %s:%s\n", deployment.Name, level, version)
		} else {
			forbidden++
			fmt.Printf("Deployment %s: forbidden by %s:%s: %s\n", deployment.Name, level, version, result.ForbiddenDetail())
		}
	}
	if templates == 0 {
		fmt.Println("no Deployment to evaluate")
		os.Exit(1)
	}
	if forbidden > 0 {
		os.Exit(1)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
