{{/* Names and labels, the way `helm create` shapes them. */}}
{{- define "finops-platform.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "finops-platform.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "finops-platform.selectorLabels" -}}
app.kubernetes.io/name: {{ include "finops-platform.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: backend
{{- end -}}

{{- define "finops-platform.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "finops-platform.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: finops-platform
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "finops-platform.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "finops-platform.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* repository:tag, or repository@digest when a digest is given. */}}
{{- define "finops-platform.imageRef" -}}
{{- if .image.digest -}}
{{- printf "%s@%s" .image.repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" .image.repository (default .appVersion .image.tag) -}}
{{- end -}}
{{- end -}}

{{/* The OPA server the backend calls (OPA_URL). */}}
{{- define "finops-platform.opaUrl" -}}
{{- if .Values.opa.enabled -}}
{{- printf "http://127.0.0.1:%d" (int .Values.opa.port) -}}
{{- else -}}
{{- required "opa.externalUrl is required when the OPA sidecar is off (opa.enabled=false)" .Values.opa.externalUrl -}}
{{- end -}}
{{- end -}}

{{/*
The most pods that can run at once: the HPA's maximum (or replicaCount)
plus the rolling update's surge.
*/}}
{{- define "finops-platform.peakPods" -}}
{{- $replicas := ternary .Values.autoscaling.maxReplicas .Values.replicaCount .Values.autoscaling.enabled -}}
{{- add (int $replicas) (int .Values.rollingUpdate.maxSurge) -}}
{{- end -}}

{{/*
PostgreSQL connections at the peak: each pod opens one pool per plugin (at
most pool.max each) plus the database manager's two admin pools of one
connection (schema and database creation). Fails rendering past the budget.
*/}}
{{- define "finops-platform.databaseConnections" -}}
{{- $peak := int (include "finops-platform.peakPods" .) -}}
{{- $plugins := int .Values.database.plugins -}}
{{- $pool := int .Values.database.pool.max -}}
{{- $perPod := add (mul $plugins $pool) 2 -}}
{{- $total := mul $peak $perPod -}}
{{- $budget := int .Values.database.connectionBudget -}}
{{- if gt (int $total) $budget -}}
{{- fail (printf "PostgreSQL connections at peak: %d pods x (%d plugins x pool.max %d + 2) = %d, over database.connectionBudget %d: lower database.pool.max or the replicas, or raise max_connections" $peak $plugins $pool (int $total) $budget) -}}
{{- end -}}
{{- printf "%d pods x (%d plugins x %d + 2) = %d of %d" $peak $plugins $pool (int $total) $budget -}}
{{- end -}}

{{/* A NetworkPolicy peer: a namespace by name, and pods by label within it. */}}
{{- define "finops-platform.namespacePeer" -}}
namespaceSelector:
  matchLabels:
    kubernetes.io/metadata.name: {{ required "networkPolicy: a peer needs its namespace" .namespace }}
{{- with .podLabels }}
podSelector:
  matchLabels:
    {{- toYaml . | nindent 4 }}
{{- end }}
{{- end -}}
