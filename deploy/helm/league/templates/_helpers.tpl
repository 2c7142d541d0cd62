{{/* Object names: <release>-<component>, e.g. league-org-service. */}}
{{- define "league.fullname" -}}
{{- .Release.Name | trunc 30 | trimSuffix "-" -}}
{{- end -}}

{{- define "league.name" -}}
{{- printf "%s-%s" (include "league.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The components this release runs, in a fixed order: the gateway, the six services, the stand-in centre. */}}
{{- define "league.componentNames" -}}
{{- $names := list -}}
{{- range $name := list "gateway" "org-service" "member-service" "transfer-service" "import-service" "stats-service" "identity-verification-service" -}}
{{- if (index $.Values.components $name).enabled -}}{{- $names = append $names $name -}}{{- end -}}
{{- end -}}
{{- if .Values.identityCentre.standIn.enabled -}}{{- $names = append $names "identity-centre" -}}{{- end -}}
{{- toJson $names -}}
{{- end -}}

{{/* The six league services (each has its own database and Kafka). */}}
{{- define "league.isService" -}}
{{- if has . (list "org-service" "member-service" "transfer-service" "import-service" "stats-service" "identity-verification-service") -}}true{{- end -}}
{{- end -}}

{{- define "league.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "league.labels" -}}
{{ include "league.selectorLabels" . }}
app.kubernetes.io/part-of: league
app.kubernetes.io/version: {{ include "league.tag" .root | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Release-wide labels (objects that belong to no one component). */}}
{{- define "league.releaseLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: league
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The image tag: pinned, never latest, never empty. */}}
{{- define "league.tag" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion | toString -}}
{{- if or (eq $tag "") (eq $tag "latest") -}}{{- fail "image.tag must be a pinned version (not empty, not latest)" -}}{{- end -}}
{{- $tag -}}
{{- end -}}

{{- define "league.image" -}}
{{- $c := index .root.Values.components .name -}}
{{- $tag := (($c.image | default dict).tag | default (include "league.tag" .root)) | toString -}}
{{- if eq $tag "latest" -}}{{- fail (printf "components.%s.image.tag must be pinned, not latest" .name) -}}{{- end -}}
{{- $repo := printf "%s/%s" .root.Values.image.repository .name -}}
{{- if .root.Values.image.registry -}}{{- $repo = printf "%s/%s" .root.Values.image.registry $repo -}}{{- end -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}

{{/* The gateway grid's headless Service: its DNS name lists every gateway pod, ready or not (members find each other). */}}
{{- define "league.gridService" -}}
{{- printf "%s-grid" (include "league.name" (dict "root" .root "name" "gateway")) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The port Actuator answers on: the gateway's own management port, the others' one HTTP port. */}}
{{- define "league.probePort" -}}
{{- if (index .root.Values.components .name).managementPort -}}management{{- else -}}http{{- end -}}
{{- end -}}

{{/* http://<release>-<component>:<port>: a component's address inside the namespace. */}}
{{- define "league.url" -}}
{{- printf "http://%s:%v" (include "league.name" .) (index .root.Values.components .name).port -}}
{{- end -}}

{{- define "league.keycloakPublicUrl" -}}
{{- .Values.keycloak.publicUrl | default (required "keycloak.url is required" .Values.keycloak.url) -}}
{{- end -}}

{{- define "league.keycloakIssuer" -}}
{{- .Values.keycloak.issuer | default (printf "%s/realms/league" (include "league.keycloakPublicUrl" .)) -}}
{{- end -}}

{{- define "league.identityCentreUrl" -}}
{{- if .Values.identityCentre.standIn.enabled -}}
{{- include "league.url" (dict "root" . "name" "identity-centre") -}}
{{- else -}}
{{- required "identityCentre.url is required (or identityCentre.standIn.enabled)" .Values.identityCentre.url -}}
{{- end -}}
{{- end -}}

{{- define "league.jdbcUrl" -}}
{{- $pg := .root.Values.postgresql -}}
{{- $db := required (printf "components.%s.database is required" .name) (index .root.Values.components .name).database -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s" (required "postgresql.host is required" $pg.host) $pg.port $db -}}
{{- if $pg.parameters -}}{{- $url = printf "%s?%s" $url $pg.parameters -}}{{- end -}}
{{- $url -}}
{{- end -}}

{{/*
The plain settings of a component, as environment variables (its ConfigMap). The names are docker-compose.yml's:
deploy/helm-test's ComposeInStepTest fails when the two differ.
*/}}
{{- define "league.config" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $c := index $root.Values.components $name -}}
{{- $env := dict "SERVER_PORT" (toString $c.port) "SERVER_SHUTDOWN" "graceful" "SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE" $root.Values.shutdown.timeout -}}
{{- if include "league.isService" $name -}}
{{- $_ := set $env "SPRING_DATASOURCE_URL" (include "league.jdbcUrl" .) -}}
{{- $_ := set $env "SPRING_DATASOURCE_USERNAME" (required "postgresql.username is required" $root.Values.postgresql.username) -}}
{{- $_ := set $env "SPRING_KAFKA_BOOTSTRAP_SERVERS" (required "kafka.bootstrapServers is required" $root.Values.kafka.bootstrapServers) -}}
{{- $_ := set $env "LEAGUE_KEYCLOAK_URL" (required "keycloak.url is required" $root.Values.keycloak.url) -}}
{{- $_ := set $env "LEAGUE_KEYCLOAK_ISSUER" (include "league.keycloakIssuer" $root) -}}
{{- end -}}
{{- if eq $name "member-service" -}}
{{- $_ := set $env "LEAGUE_ACCOUNTS_ORG_SERVICE_URL" (include "league.url" (dict "root" $root "name" "org-service")) -}}
{{- end -}}
{{- if has $name (list "transfer-service" "import-service") -}}
{{- $_ := set $env "LEAGUE_MEMBER_SERVICE_URL" (include "league.url" (dict "root" $root "name" "member-service")) -}}
{{- end -}}
{{- if eq $name "identity-verification-service" -}}
{{- $_ := set $env "LEAGUE_IDENTITY_CENTRE_URL" (include "league.identityCentreUrl" $root) -}}
{{- end -}}
{{- if eq $name "identity-centre" -}}
{{- $_ := set $env "CENTRE_LAG" $root.Values.identityCentre.standIn.lag -}}
{{- end -}}
{{- if eq $name "gateway" -}}
{{- range $route, $target := dict "ORG" "org-service" "MEMBER" "member-service" "TRANSFER" "transfer-service" "IMPORT" "import-service" "STATS" "stats-service" "IDENTITY" "identity-verification-service" -}}
{{- $_ := set $env (printf "LEAGUE_ROUTES_%s" $route) (include "league.url" (dict "root" $root "name" $target)) -}}
{{- end -}}
{{- $_ := set $env "LEAGUE_KEYCLOAK_URL" (required "keycloak.url is required" $root.Values.keycloak.url) -}}
{{- $_ := set $env "LEAGUE_KEYCLOAK_PUBLIC_URL" (include "league.keycloakPublicUrl" $root) -}}
{{- $_ := set $env "LEAGUE_KEYCLOAK_ISSUER" (include "league.keycloakIssuer" $root) -}}
{{- $_ := set $env "MANAGEMENT_SERVER_PORT" (toString (required "components.gateway.managementPort is required" $c.managementPort)) -}}
{{- $_ := set $env "LEAGUE_GATEWAY_GRID_PORT" (toString (required "components.gateway.gridPort is required" $c.gridPort)) -}}
{{- $_ := set $env "LEAGUE_GATEWAY_GRID_CLUSTER_NAME" (include "league.name" .) -}}
{{- $_ := set $env "LEAGUE_GATEWAY_GRID_KUBERNETES_SERVICE_DNS" (printf "%s.%s.svc.cluster.local" (include "league.gridService" .) $root.Release.Namespace) -}}
{{- $_ := set $env "LEAGUE_GATEWAY_TRUSTED_PROXIES" (join "," $root.Values.gateway.trustedProxies) -}}
{{- end -}}
{{- toYaml $env -}}
{{- end -}}

{{- define "league.secretRef" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
{{- end -}}

{{/* A component's secret settings: environment variables from existing Secrets only (secretKeyRef). */}}
{{- define "league.secretEnv" -}}
{{- $v := .root.Values -}}
{{- $kc := required "keycloak.existingSecret (the name of a Secret with the clients' secrets) is required" $v.keycloak.existingSecret -}}
{{- if include "league.isService" .name }}
{{ include "league.secretRef" (dict "env" "SPRING_DATASOURCE_PASSWORD" "secret" (required "postgresql.existingSecret (the name of a Secret with the database password) is required" $v.postgresql.existingSecret) "key" $v.postgresql.passwordKey) }}
{{- end }}
{{- if eq .name "gateway" }}
{{ include "league.secretRef" (dict "env" "LEAGUE_GATEWAY_CLIENT_SECRET" "secret" $kc "key" $v.keycloak.secretKeys.gatewayClientSecret) }}
{{- end }}
{{- if eq .name "member-service" }}
{{ include "league.secretRef" (dict "env" "LEAGUE_ACCOUNTS_KEYCLOAK_CLIENTSECRET" "secret" $kc "key" $v.keycloak.secretKeys.accountsClientSecret) }}
{{- end }}
{{- if eq .name "transfer-service" }}
{{ include "league.secretRef" (dict "env" "LEAGUE_TRANSFER_CLIENT_SECRET" "secret" $kc "key" $v.keycloak.secretKeys.transferClientSecret) }}
{{- end }}
{{- if eq .name "import-service" }}
{{ include "league.secretRef" (dict "env" "LEAGUE_IMPORT_CLIENT_SECRET" "secret" $kc "key" $v.keycloak.secretKeys.importClientSecret) }}
{{- end }}
{{- if has .name (list "identity-verification-service" "identity-centre") }}
{{ include "league.secretRef" (dict "env" "LEAGUE_IDENTITY_CENTRE_SECRET" "secret" (required "identityCentre.existingSecret (the name of a Secret with the centre's client secret) is required" $v.identityCentre.existingSecret) "key" $v.identityCentre.secretKey) }}
{{- end }}
{{- if eq .name "identity-centre" }}
{{ include "league.secretRef" (dict "env" "LEAGUE_IDENTITY_CENTRE_OPERATOR_PASSWORD" "secret" $v.identityCentre.existingSecret "key" $v.identityCentre.standIn.operatorPasswordKey) }}
{{- end }}
{{- end -}}
