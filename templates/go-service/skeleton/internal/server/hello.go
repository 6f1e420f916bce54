package server

import (
	"net/http"
	"regexp"
	"unicode/utf8"
)

// The example business route: replace it with the service's own.

var namePattern = regexp.MustCompile(`^\p{L}[\p{L} .'-]*$`)

const maxNameLength = 64

type greeting struct {
	Message string `json:"message"`
}

func hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	switch {
	case name == "":
		writeProblem(w, http.StatusBadRequest, "query parameter name is required")
	case utf8.RuneCountInString(name) > maxNameLength:
		writeProblem(w, http.StatusBadRequest, "name must be at most 64 characters")
	case !namePattern.MatchString(name):
		writeProblem(w, http.StatusBadRequest, "name must be letters, spaces, dots, apostrophes and hyphens, starting with a letter")
	default:
		writeJSON(w, http.StatusOK, greeting{Message: "Hello, " + name + "!"})
	}
}
