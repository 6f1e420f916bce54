{{/*
The OPA sidecar: a native sidecar (an init container that keeps running), so
it is up before the backend starts and stops after it. Decisions are served
on 127.0.0.1 only; health and metrics on the diagnostic port. Policies come
from a bundle: a ConfigMap holding bundle.tar.gz, or a bundle service.
*/}}
{{- define "finops-platform.opaBundleMode" -}}
{{- $bundle := .Values.opa.bundle -}}
{{- if and $bundle.configMap $bundle.service.url -}}
{{- fail "opa.bundle: set configMap or service.url, not both" -}}
{{- else if $bundle.configMap -}}
configMap
{{- else if $bundle.service.url -}}
service
{{- else -}}
{{- fail "opa.enabled needs a policy bundle: opa.bundle.configMap or opa.bundle.service.url" -}}
{{- end -}}
{{- end -}}

{{- define "finops-platform.opaSidecar" -}}
{{- $mode := include "finops-platform.opaBundleMode" . -}}
- name: opa
  image: {{ include "finops-platform.imageRef" (dict "image" .Values.opa.image "appVersion" "") }}
  imagePullPolicy: {{ .Values.opa.image.pullPolicy }}
  restartPolicy: Always
  args:
    - run
    - --server
    - --addr=127.0.0.1:{{ int .Values.opa.port }}
    - --diagnostic-addr=0.0.0.0:{{ int .Values.opa.diagnosticPort }}
    - --log-format=json
    - --log-level=error
    - --skip-version-check
    - --config-file=/opa/config/opa.yaml
    {{- if eq $mode "configMap" }}
    - --bundle
    - /opa/bundle/bundle.tar.gz
    {{- end }}
  {{- if and (eq $mode "service") .Values.opa.bundle.service.tokenSecret.name }}
  env:
    - name: OPA_BUNDLE_TOKEN
      valueFrom:
        secretKeyRef:
          name: {{ .Values.opa.bundle.service.tokenSecret.name }}
          key: {{ .Values.opa.bundle.service.tokenSecret.key }}
  {{- end }}
  ports:
    - name: opa-diagnostic
      containerPort: {{ int .Values.opa.diagnosticPort }}
      protocol: TCP
  # Ready once every bundle is activated: the backend starts only then.
  startupProbe:
    httpGet:
      path: /health?bundles
      port: opa-diagnostic
    periodSeconds: 2
    failureThreshold: 60
  readinessProbe:
    httpGet:
      path: /health?bundles
      port: opa-diagnostic
    periodSeconds: 10
  livenessProbe:
    httpGet:
      path: /health
      port: opa-diagnostic
    periodSeconds: 20
  resources:
    {{- toYaml .Values.opa.resources | nindent 4 }}
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  volumeMounts:
    - name: opa-config
      mountPath: /opa/config
      readOnly: true
    {{- if eq $mode "configMap" }}
    - name: opa-bundle
      mountPath: /opa/bundle
      readOnly: true
    {{- end }}
{{- end -}}

{{- define "finops-platform.opaVolumes" -}}
- name: opa-config
  configMap:
    name: {{ include "finops-platform.fullname" . }}-opa
{{- if eq (include "finops-platform.opaBundleMode" .) "configMap" }}
- name: opa-bundle
  configMap:
    name: {{ .Values.opa.bundle.configMap }}
{{- end }}
{{- end -}}
