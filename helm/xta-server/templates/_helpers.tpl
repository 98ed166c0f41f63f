{{/*
Names, labels and checks shared by the templates of the xta-server chart.
*/}}

{{/* Chart name, overridable with nameOverride. */}}
{{- define "xta-server.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Full name of the release's objects: fullnameOverride, else RELEASE-CHART (just RELEASE when it
already contains the chart name). Kept at 52 characters so suffixes such as "-management" fit
into a 63-character DNS label.
*/}}
{{- define "xta-server.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Namespace of all objects. */}}
{{- define "xta-server.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* chart label value: NAME-VERSION. */}}
{{- define "xta-server.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that select the pods; never change them after the first install (Deployment selectors are immutable). */}}
{{- define "xta-server.selectorLabels" -}}
app.kubernetes.io/name: {{ include "xta-server.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of every object. */}}
{{- define "xta-server.labels" -}}
helm.sh/chart: {{ include "xta-server.chart" . }}
{{ include "xta-server.selectorLabels" . }}
app.kubernetes.io/version: {{ include "xta-server.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: xta-server
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Image tag: image.tag, else the chart's appVersion. */}}
{{- define "xta-server.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag -}}
{{- end -}}

{{/* Full image reference; a digest wins over the tag. */}}
{{- define "xta-server.image" -}}
{{- $repo := .Values.image.repository -}}
{{- if .Values.image.registry -}}
{{- $repo = printf "%s/%s" .Values.image.registry .Values.image.repository -}}
{{- end -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repo .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (include "xta-server.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{/* Name of the ServiceAccount the pods use. */}}
{{- define "xta-server.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "xta-server.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Name of the ConfigMap with the tenant files (the operator's or the chart's). */}}
{{- define "xta-server.tenantsConfigMap" -}}
{{- if .Values.tenants.existingConfigMap -}}
{{- .Values.tenants.existingConfigMap -}}
{{- else -}}
{{- printf "%s-tenants" (include "xta-server.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* Name of the management Service (also the Prometheus job label via the ServiceMonitor). */}}
{{- define "xta-server.managementServiceName" -}}
{{- printf "%s-management" (include "xta-server.fullname" .) -}}
{{- end -}}

{{/* PromQL label matcher that narrows alerts to this release's scrape job. */}}
{{- define "xta-server.promSelector" -}}
{{- printf "job=%q,namespace=%q" (include "xta-server.managementServiceName" .) (include "xta-server.namespace" .) -}}
{{- end -}}

{{/* Paths inside the container; the image's working directory is /opt/xta. */}}
{{- define "xta-server.paths.config" -}}/etc/xta/config{{- end -}}
{{- define "xta-server.paths.tls" -}}/etc/xta/tls{{- end -}}
{{- define "xta-server.paths.clientCa" -}}/etc/xta/client-ca{{- end -}}
{{- define "xta-server.paths.tenants" -}}/etc/xta/tenants{{- end -}}
{{- define "xta-server.paths.attachments" -}}/opt/xta/data/tmp/attachments{{- end -}}
{{- define "xta-server.paths.embeddedDb" -}}/opt/xta/data/db{{- end -}}

{{/* Pod anti-affinity from podAntiAffinityPreset (soft|hard). */}}
{{- define "xta-server.antiAffinity" -}}
{{- if eq .Values.podAntiAffinityPreset "soft" -}}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "xta-server.selectorLabels" . | nindent 12 }}
{{- else if eq .Values.podAntiAffinityPreset "hard" -}}
podAntiAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "xta-server.selectorLabels" . | nindent 10 }}
{{- end }}
{{- end -}}

{{/*
Checks values that the schema cannot: every problem is collected and rendering fails with all
of them at once, each naming the values to set (bitnami's <chart>.validateValues).
*/}}
{{- define "xta-server.validateValues" -}}
{{- $messages := list -}}
{{- $messages = append $messages (include "xta-server.validateValues.database" .) -}}
{{- $messages = append $messages (include "xta-server.validateValues.embeddedReplicas" .) -}}
{{- $messages = append $messages (include "xta-server.validateValues.tls" .) -}}
{{- $messages = append $messages (include "xta-server.validateValues.tenants" .) -}}
{{- $messages = without $messages "" -}}
{{- if $messages -}}
{{- printf "\nVALUES VALIDATION:\n%s" (join "\n" $messages) | fail -}}
{{- end -}}
{{- end -}}

{{/* Exactly one database: an external URL (production) or the embedded trial database. */}}
{{- define "xta-server.validateValues.database" -}}
{{- $external := .Values.database.external.url -}}
{{- $embedded := .Values.database.embedded.enabled -}}
{{- if and (not $external) (not $embedded) -}}
xta-server: database
    No database configured. Set database.external.url (a jdbc:mariadb:// URL of a MariaDB or
    Galera cluster) together with database.external.existingSecret (the password), or, for a
    single-node trial only, database.embedded.enabled=true.
{{- else if and $external $embedded -}}
xta-server: database
    database.external.url and database.embedded.enabled=true are both set. Choose one: the
    external database for production, the embedded one for a trial.
{{- else if and $external (not .Values.database.external.existingSecret) -}}
xta-server: database.external.existingSecret
    The external database needs a password: create a Secret with the key
    "{{ .Values.database.external.existingSecretPasswordKey }}" and set database.external.existingSecret to its name.
{{- end -}}
{{- end -}}

{{/* The embedded database lives inside one pod: it cannot be shared by replicas. */}}
{{- define "xta-server.validateValues.embeddedReplicas" -}}
{{- if and .Values.database.embedded.enabled (gt (int .Values.replicaCount) 1) -}}
xta-server: database.embedded.enabled
    The embedded database is for a single-node trial and cannot be shared: replicaCount={{ .Values.replicaCount }}
    needs an external database. Set replicaCount=1, or set database.embedded.enabled=false and
    database.external.url.
{{- end -}}
{{- end -}}

{{/* The server does not start without its certificate and the client CA. */}}
{{- define "xta-server.validateValues.tls" -}}
{{- $missing := list -}}
{{- if not .Values.tls.existingSecret -}}
{{- $missing = append $missing "tls.existingSecret (Secret of type kubernetes.io/tls with the server certificate and key)" -}}
{{- end -}}
{{- if and (not .Values.tls.clientCa.existingSecret) (not .Values.tls.clientCa.existingConfigMap) -}}
{{- $missing = append $missing "tls.clientCa.existingSecret or tls.clientCa.existingConfigMap (the CA certificates of the specialist procedures' client certificates)" -}}
{{- end -}}
{{- if and .Values.tls.clientCa.existingSecret .Values.tls.clientCa.existingConfigMap -}}
{{- $missing = append $missing "only one of tls.clientCa.existingSecret and tls.clientCa.existingConfigMap" -}}
{{- end -}}
{{- if $missing -}}
xta-server: tls
    The XTA port needs mutual TLS. Set {{ join "; set " $missing }}.
{{- end -}}
{{- end -}}

{{/* Tenant files come from one place. */}}
{{- define "xta-server.validateValues.tenants" -}}
{{- if and .Values.tenants.existingConfigMap .Values.tenants.files -}}
xta-server: tenants
    Set either tenants.existingConfigMap or tenants.files, not both.
{{- end -}}
{{- end -}}
