// Command opa is the Open Policy Agent command line, built from the OPA
// version pinned in go.mod so that every machine checks, tests and compiles
// policies/ with the same engine. scripts/lib/opa.sh builds it on demand.
package main

import (
	"errors"
	"os"

	"github.com/open-policy-agent/opa/cmd"
)

func main() {
	if err := cmd.RootCommand.Execute(); err != nil {
		// Subcommands report their own errors and ask for an exit status
		// (e.g. `opa test` below the coverage threshold); keep it.
		var exit *cmd.ExitError
		if errors.As(err, &exit) {
			os.Exit(exit.Exit)
		}
		os.Exit(1)
	}
}
