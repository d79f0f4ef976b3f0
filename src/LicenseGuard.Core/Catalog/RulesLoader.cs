using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Globalization;
using LicenseGuard.Json;
using LicenseGuard.Licensing;
using LicenseGuard.Policy;

namespace LicenseGuard.Catalog
{
    /// <summary>
    /// Reads rules files and layers them: entries of the same section and id merge field by field (the later file wins),
    /// <c>"enabled": false</c> removes an entry, and every problem becomes a <see cref="RulesProblem"/> while the rest loads.
    /// </summary>
    internal static class RulesLoader
    {
        private enum FieldKind
        {
            String,
            StringArray,
            Boolean,
            Severity,
            LicenseClass,
            AlternativeArray,
            RunArray,
        }

        private static readonly string[] Severities = { "error", "warning", "info", "hidden", "none" };

        private static readonly Dictionary<string, FieldKind> LicenseFields = new Dictionary<string, FieldKind>
        {
            ["id"] = FieldKind.String, ["name"] = FieldKind.String, ["class"] = FieldKind.LicenseClass, ["osi"] = FieldKind.Boolean,
            ["urls"] = FieldKind.StringArray, ["aliases"] = FieldKind.StringArray, ["obligations"] = FieldKind.StringArray, ["enabled"] = FieldKind.Boolean,
            ["titles"] = FieldKind.StringArray, ["headings"] = FieldKind.StringArray, ["conditions"] = FieldKind.String,
        };

        private static readonly Dictionary<string, FieldKind> TaskFields = new Dictionary<string, FieldKind>
        {
            ["id"] = FieldKind.String, ["name"] = FieldKind.String, ["symbols"] = FieldKind.StringArray, ["paths"] = FieldKind.StringArray,
            ["pipelineTags"] = FieldKind.StringArray, ["ggufArchitectures"] = FieldKind.StringArray, ["alternatives"] = FieldKind.AlternativeArray, ["note"] = FieldKind.String, ["enabled"] = FieldKind.Boolean,
        };

        private static readonly Dictionary<string, FieldKind> RuntimeFields = new Dictionary<string, FieldKind>
        {
            ["id"] = FieldKind.String, ["name"] = FieldKind.String, ["packages"] = FieldKind.StringArray, ["implements"] = FieldKind.StringArray,
            ["example"] = FieldKind.String, ["enabled"] = FieldKind.Boolean,
        };

        private static readonly Dictionary<string, FieldKind> ModelFields = new Dictionary<string, FieldKind>
        {
            ["id"] = FieldKind.String, ["name"] = FieldKind.String, ["vendor"] = FieldKind.String, ["family"] = FieldKind.String,
            ["openWeights"] = FieldKind.Boolean, ["license"] = FieldKind.String, ["service"] = FieldKind.String, ["ids"] = FieldKind.StringArray,
            ["files"] = FieldKind.StringArray, ["run"] = FieldKind.RunArray, ["severity"] = FieldKind.Severity, ["enabled"] = FieldKind.Boolean,
            ["packages"] = FieldKind.StringArray, ["tasks"] = FieldKind.StringArray,
        };

        private static readonly Dictionary<string, FieldKind> ServiceFields = new Dictionary<string, FieldKind>
        {
            ["id"] = FieldKind.String, ["name"] = FieldKind.String, ["vendor"] = FieldKind.String, ["access"] = FieldKind.String,
            ["license"] = FieldKind.String, ["packages"] = FieldKind.StringArray, ["symbols"] = FieldKind.StringArray, ["hosts"] = FieldKind.StringArray,
            ["alternatives"] = FieldKind.AlternativeArray, ["severity"] = FieldKind.Severity, ["enabled"] = FieldKind.Boolean,
            ["tasks"] = FieldKind.StringArray,
        };

        private static readonly Dictionary<string, FieldKind> SinkFields = new Dictionary<string, FieldKind>
        {
            ["id"] = FieldKind.String, ["name"] = FieldKind.String, ["category"] = FieldKind.String, ["members"] = FieldKind.StringArray,
            ["data"] = FieldKind.StringArray, ["destination"] = FieldKind.StringArray, ["names"] = FieldKind.StringArray, ["to"] = FieldKind.String, ["enabled"] = FieldKind.Boolean,
            ["namespaces"] = FieldKind.StringArray, ["verbs"] = FieldKind.StringArray,
        };

        private static readonly Dictionary<string, FieldKind> RuleFields = new Dictionary<string, FieldKind>
        {
            ["enabled"] = FieldKind.Boolean, ["severity"] = FieldKind.Severity, ["ignore"] = FieldKind.StringArray,
        };

        private static readonly string[] TopLevelKeys = { "$schema", "licenses", "runtimes", "tasks", "models", "services", "sinks", "rules", "policy" };

        private static readonly string[] PolicyKeys = { "classes", "licenses", "ignore", "exceptions", "clarify", "includeDevelopmentDependencies", "nonCommercialProduct" };

        /// <summary>Gets the keys each section accepts (for the schema consistency test and the docs).</summary>
        internal static IReadOnlyDictionary<string, IEnumerable<string>> KnownKeys { get; } = new Dictionary<string, IEnumerable<string>>
        {
            [""] = TopLevelKeys,
            ["licenses"] = LicenseFields.Keys,
            ["runtimes"] = RuntimeFields.Keys,
            ["tasks"] = TaskFields.Keys,
            ["models"] = ModelFields.Keys,
            ["services"] = ServiceFields.Keys,
            ["sinks"] = SinkFields.Keys,
            ["rules"] = RuleFields.Keys,
            ["policy"] = PolicyKeys,
            ["policy.exceptions"] = new[] { "package", "file", "version", "reason", "expires" },
            ["policy.clarify"] = new[] { "package", "version", "license", "reason" },
        };

        private static readonly Regex IdPattern = new Regex(@"^[A-Za-z0-9][A-Za-z0-9._+:-]*$", RegexOptions.CultureInvariant);
        private static readonly Regex RuleIdPattern = new Regex(@"^LG[0-9]{4}$", RegexOptions.CultureInvariant);
        private static readonly Regex SymbolPattern = new Regex(@"^[NTMPFE]:[A-Za-z_][A-Za-z0-9_`]*(\.[A-Za-z_][A-Za-z0-9_`]*)*$", RegexOptions.CultureInvariant);
        private static readonly Regex HostPattern = new Regex(@"^[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?(\.[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?)+$", RegexOptions.CultureInvariant);
        private static readonly Regex SinkMemberPattern = new Regex(@"^[MP]:[A-Za-z_][A-Za-z0-9_`]*(\.[A-Za-z_#][A-Za-z0-9_`]*)+$", RegexOptions.CultureInvariant);
        private static readonly Regex NamespacePattern = new Regex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant);
        private static readonly Regex VerbPattern = new Regex(@"^[A-Z][a-z0-9]+$", RegexOptions.CultureInvariant);
        private static readonly Regex ParameterPattern = new Regex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
        private static readonly Regex PackagePattern = new Regex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*\*?$", RegexOptions.CultureInvariant);

        public static RulesCatalog Load(IReadOnlyList<RulesSource> builtIn, IReadOnlyList<RulesSource> user)
        {
            var state = new LoadState();
            foreach (var source in builtIn.Concat(user))
            {
                state.AddLayer(source);
            }

            var catalog = state.Build();
            var builtInPaths = new HashSet<string>(builtIn.Select(s => s.Path), StringComparer.Ordinal);
            foreach (var clarification in catalog.Policy.Clarifications)
            {
                clarification.BuiltIn = builtInPaths.Contains(clarification.DeclaredAt.Path);
            }

            return catalog;
        }

        private sealed class MergedEntry
        {
            public MergedEntry(string id, SourceSpan idSpan)
            {
                Id = id;
                IdSpan = idSpan;
            }

            public string Id { get; }

            public SourceSpan IdSpan { get; set; }

            public Dictionary<string, JsonProperty> Fields { get; } = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);

            public bool Enabled => !Fields.TryGetValue("enabled", out var p) || p.Value.Kind != JsonKind.Boolean || p.Value.BooleanValue;
        }

        private sealed class Section
        {
            public Section(string name, Dictionary<string, FieldKind> fields)
            {
                Name = name;
                Fields = fields;
            }

            public string Name { get; }

            public Dictionary<string, FieldKind> Fields { get; }

            public List<MergedEntry> Entries { get; } = new List<MergedEntry>();

            public Dictionary<string, MergedEntry> ById { get; } = new Dictionary<string, MergedEntry>(StringComparer.OrdinalIgnoreCase);
        }

        private sealed class LoadState
        {
            private readonly List<RulesProblem> problems = new List<RulesProblem>();
            private readonly Section licenses = new Section("licenses", LicenseFields);
            private readonly Section runtimes = new Section("runtimes", RuntimeFields);
            private readonly Section tasks = new Section("tasks", TaskFields);
            private readonly Section models = new Section("models", ModelFields);
            private readonly Section services = new Section("services", ServiceFields);
            private readonly Section sinks = new Section("sinks", SinkFields);
            private readonly Section rules = new Section("rules", RuleFields);
            private readonly LicensePolicy policy = new LicensePolicy();
            private readonly List<(string License, SourceSpan Span)> policyLicenseKeys = new List<(string, SourceSpan)>();

            public void AddLayer(RulesSource source)
            {
                JsonNode root;
                try
                {
                    root = JsonReader.Parse(source.Path, source.Text);
                }
                catch (JsonParseException e)
                {
                    Problem(e.Span, $"The rules file is not valid JSON: {e.Message} The whole file was ignored.");
                    return;
                }

                if (root.Kind != JsonKind.Object)
                {
                    Problem(root.Span, "A rules file must contain one JSON object; the whole file was ignored.");
                    return;
                }

                foreach (var property in root.Properties)
                {
                    switch (property.Name)
                    {
                        case "$schema":
                            ExpectKind(property, JsonKind.String);
                            break;
                        case "licenses":
                            AddEntries(licenses, property);
                            break;
                        case "runtimes":
                            AddEntries(runtimes, property);
                            break;
                        case "tasks":
                            AddEntries(tasks, property);
                            break;
                        case "models":
                            AddEntries(models, property);
                            break;
                        case "services":
                            AddEntries(services, property);
                            break;
                        case "sinks":
                            AddEntries(sinks, property);
                            break;
                        case "rules":
                            AddRules(property);
                            break;
                        case "policy":
                            AddPolicy(property);
                            break;
                        default:
                            Problem(property.NameSpan, $"Unknown key '{property.Name}' (expected one of: {string.Join(", ", TopLevelKeys)}); it was ignored.");
                            break;
                    }
                }
            }

            public RulesCatalog Build()
            {
                var licenseList = Bind<LicenseEntry>(licenses, BindLicense);
                var runtimeList = Bind<RuntimeEntry>(runtimes, BindRuntime);
                var licenseIds = new HashSet<string>(licenseList.SelectMany(l => new[] { l.Id }.Concat(l.Aliases)), StringComparer.OrdinalIgnoreCase);
                var runtimeIds = new HashSet<string>(runtimeList.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
                var serviceIds = new HashSet<string>(services.Entries.Where(e => e.Enabled).Select(e => e.Id), StringComparer.OrdinalIgnoreCase);
                var taskIds = new HashSet<string>(tasks.Entries.Where(e => e.Enabled).Select(e => e.Id), StringComparer.OrdinalIgnoreCase);
                var modelList = Bind<ModelEntry>(models, (e, m) => BindModel(e, m, licenseIds, runtimeIds, serviceIds, taskIds));
                var modelIds = new HashSet<string>(modelList.Select(m => m.Id), StringComparer.OrdinalIgnoreCase);
                var taskList = Bind<TaskEntry>(tasks, (e, t) => BindTask(e, t, runtimeIds, modelIds));
                var serviceList = Bind<ServiceEntry>(services, (e, s) => BindService(e, s, licenseIds, runtimeIds, modelIds, taskIds));
                var sinkList = Bind<SinkEntry>(sinks, BindSink);
                var ruleMap = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);
                foreach (var entry in rules.Entries)
                {
                    ruleMap[entry.Id] = new RuleSettings
                    {
                        Enabled = entry.Enabled,
                        Severity = StringField(entry, "severity"),
                        Ignore = StringArrayField(entry, "ignore"),
                    };
                }

                foreach (var (license, span) in policyLicenseKeys)
                {
                    if (!licenseIds.Contains(license))
                    {
                        Problem(span, $"Unknown licence '{license}' in \"policy.licenses\"; declare it under \"licenses\" (with its class) so the rule can apply.");
                    }
                }

                return new RulesCatalog(serviceList, modelList, licenseList, runtimeList, taskList, ruleMap, problems, policy, sinkList);
            }

            private List<T> Bind<T>(Section section, Action<MergedEntry, T> bind)
                where T : CatalogEntry, new()
            {
                var list = new List<T>();
                foreach (var entry in section.Entries)
                {
                    if (!entry.Enabled)
                    {
                        continue;
                    }

                    var item = new T { Id = entry.Id, DeclaredAt = entry.IdSpan, Name = StringField(entry, "name") ?? entry.Id };
                    bind(entry, item);
                    list.Add(item);
                }

                return list;
            }

            private void BindLicense(MergedEntry entry, LicenseEntry license)
            {
                license.Class = StringField(entry, "class") ?? LicenseClasses.Unknown;
                license.Osi = BoolField(entry, "osi");
                license.Urls = StringArrayField(entry, "urls");
                license.Aliases = StringArrayField(entry, "aliases");
                license.Titles = StringArrayField(entry, "titles");
                license.Headings = StringArrayField(entry, "headings");
                license.Obligations = StringArrayField(entry, "obligations");
                license.Conditions = StringField(entry, "conditions") ?? string.Empty;
            }

            private void BindTask(MergedEntry entry, TaskEntry task, HashSet<string> runtimeIds, HashSet<string> modelIds)
            {
                task.Symbols = ValidModelPatterns(entry, "symbols");
                task.Paths = ValidModelPatterns(entry, "paths");
                task.PipelineTags = StringArrayField(entry, "pipelineTags");
                task.GgufArchitectures = StringArrayField(entry, "ggufArchitectures");
                task.Alternatives = Alternatives(entry, "task", modelIds, runtimeIds);
                task.Note = StringField(entry, "note") ?? string.Empty;
            }

            private void BindRuntime(MergedEntry entry, RuntimeEntry runtime)
            {
                runtime.Packages = ValidItems(entry, "packages", PackagePattern, "a NuGet package id (a trailing '*' is allowed)");
                runtime.Implements = StringArrayField(entry, "implements");
                runtime.Example = StringField(entry, "example") ?? string.Empty;
            }

            private void BindModel(MergedEntry entry, ModelEntry model, HashSet<string> licenseIds, HashSet<string> runtimeIds, HashSet<string> serviceIds, HashSet<string> taskIds)
            {
                model.Vendor = StringField(entry, "vendor") ?? string.Empty;
                model.Family = StringField(entry, "family") ?? string.Empty;
                model.OpenWeights = BoolField(entry, "openWeights");
                model.License = CheckReference(entry, "license", licenseIds, "licence") ?? "LicenseRef-unknown";
                model.Service = CheckReference(entry, "service", serviceIds, "service");
                model.Ids = ValidModelPatterns(entry, "ids");
                model.Files = ValidModelPatterns(entry, "files");
                model.Packages = ValidItems(entry, "packages", PackagePattern, "a NuGet package id (a trailing '*' is allowed)");
                model.Severity = StringField(entry, "severity");
                model.Tasks = KnownItems(entry, "tasks", taskIds, "task");
                var run = new List<RunOption>();
                if (entry.Fields.TryGetValue("run", out var runProperty) && runProperty.Value.Kind == JsonKind.Array)
                {
                    foreach (var item in runProperty.Value.Items)
                    {
                        string? runtime = ObjectString(item, "runtime", out var runtimeNode);
                        string? reference = ObjectString(item, "reference", out _);
                        if (runtime == null)
                        {
                            continue;
                        }

                        if (!runtimeIds.Contains(runtime))
                        {
                            Problem(runtimeNode!.Span, $"Unknown runtime '{runtime}' in model '{entry.Id}'; known runtimes are listed under \"runtimes\". The run option was ignored.");
                            continue;
                        }

                        run.Add(new RunOption { Runtime = runtime, Reference = reference ?? string.Empty });
                    }
                }

                model.Run = run;
            }

            private void BindService(MergedEntry entry, ServiceEntry service, HashSet<string> licenseIds, HashSet<string> runtimeIds, HashSet<string> modelIds, HashSet<string> taskIds)
            {
                service.Vendor = StringField(entry, "vendor") ?? string.Empty;
                service.Access = StringField(entry, "access") ?? "api-only";
                service.License = CheckReference(entry, "license", licenseIds, "licence") ?? "LicenseRef-unknown";
                service.Packages = ValidItems(entry, "packages", PackagePattern, "a NuGet package id (a trailing '*' is allowed)");
                service.Symbols = ValidItems(entry, "symbols", SymbolPattern, "a documentation-comment id such as 'N:OpenAI', 'T:OpenAI.OpenAIClient' or 'M:OpenAI.Chat.ChatClient.CompleteChat'");
                service.Hosts = ValidItems(entry, "hosts", HostPattern, "a lower-case host name; '*' stands for any run of characters, as in '*.openai.azure.com'", lowerCase: true);
                service.Severity = StringField(entry, "severity");
                service.Tasks = KnownItems(entry, "tasks", taskIds, "task");
                service.Alternatives = Alternatives(entry, "service", modelIds, runtimeIds);
            }

            private void BindSink(MergedEntry entry, SinkEntry sink)
            {
                string? category = StringField(entry, "category");
                if (category == null || !SinkEntry.Categories.ContainsKey(category))
                {
                    Problem(entry.Fields.TryGetValue("category", out var property) ? property.Value.Span : entry.IdSpan, $"Sink '{entry.Id}' needs a \"category\", one of: {string.Join(", ", SinkEntry.Categories.Keys)}.");
                }

                sink.Category = category ?? "copy";
                sink.Members = ValidItems(entry, "members", SinkMemberPattern, "a documentation-comment id without parameters such as 'M:System.IO.File.Copy', 'M:System.Net.Http.StreamContent.#ctor' or 'P:Amazon.S3.Model.PutObjectRequest.FilePath'");
                sink.Namespaces = ValidItems(entry, "namespaces", NamespacePattern, "a namespace such as 'Renci.SshNet' (the namespaces under it are included)");
                sink.Verbs = ValidItems(entry, "verbs", VerbPattern, "one capitalised word of a member name such as 'Upload' or 'Send'");
                sink.Data = ValidItems(entry, "data", ParameterPattern, "a parameter name, or this, value or return");
                sink.Destination = ValidItems(entry, "destination", ParameterPattern, "a parameter name");
                sink.Names = ValidItems(entry, "names", ParameterPattern, "a parameter name");
                sink.To = StringField(entry, "to") ?? string.Empty;
                if ((sink.Members.Count == 0 || sink.Data.Count == 0) && (sink.Namespaces.Count == 0 || sink.Verbs.Count == 0))
                {
                    Problem(entry.IdSpan, $"Sink '{entry.Id}' needs \"members\" and \"data\" (the parameters that carry what is sent), or \"namespaces\" and \"verbs\"; it finds nothing without them.");
                }
            }

            private List<AlternativeRef> Alternatives(MergedEntry entry, string what, HashSet<string> modelIds, HashSet<string> runtimeIds)
            {
                var alternatives = new List<AlternativeRef>();
                if (entry.Fields.TryGetValue("alternatives", out var property) && property.Value.Kind == JsonKind.Array)
                {
                    foreach (var item in property.Value.Items)
                    {
                        string? model = ObjectString(item, "model", out var modelNode);
                        string? runtime = ObjectString(item, "runtime", out var runtimeNode);
                        if (model == null || runtime == null)
                        {
                            continue;
                        }

                        if (!modelIds.Contains(model))
                        {
                            Problem(modelNode!.Span, $"Unknown model '{model}' in the alternatives of {what} '{entry.Id}'; the alternative was ignored.");
                        }
                        else if (!runtimeIds.Contains(runtime))
                        {
                            Problem(runtimeNode!.Span, $"Unknown runtime '{runtime}' in the alternatives of {what} '{entry.Id}'; the alternative was ignored.");
                        }
                        else
                        {
                            alternatives.Add(new AlternativeRef { Model = model, Runtime = runtime });
                        }
                    }
                }

                return alternatives;
            }


            private IReadOnlyList<string> KnownItems(MergedEntry entry, string field, HashSet<string> known, string what) =>
                StringItems(entry, field, value => known.Contains(value)
                    ? null
                    : $"Unknown {what} '{value}' in \"{field}\" of '{entry.Id}'; known {what}s are listed under \"{what}s\". It was ignored.");

            private IReadOnlyList<string> ValidModelPatterns(MergedEntry entry, string field) =>
                StringItems(entry, field, pattern => pattern.Trim('*').Length == 0 || pattern.Any(char.IsWhiteSpace)
                    ? $"Invalid pattern '{pattern}' in '{entry.Id}': a pattern needs at least one character besides '*' and no white space. It was ignored."
                    : null);

            private IReadOnlyList<string> ValidItems(MergedEntry entry, string field, Regex pattern, string expected, bool lowerCase = false) =>
                StringItems(entry, field, value => !pattern.IsMatch(value) || (lowerCase && value != value.ToLowerInvariant())
                    ? $"Invalid value '{value}' in \"{field}\" of '{entry.Id}': expected {expected}. It was ignored."
                    : null);

            /// <summary>The string items of an array field that <paramref name="problemOf"/> accepts (returns null for); the others are problems at their position.</summary>
            private IReadOnlyList<string> StringItems(MergedEntry entry, string field, Func<string, string?> problemOf)
            {
                var result = new List<string>();
                if (!entry.Fields.TryGetValue(field, out var property) || property.Value.Kind != JsonKind.Array)
                {
                    return result;
                }

                foreach (var item in property.Value.Items)
                {
                    if (item.Kind != JsonKind.String)
                    {
                        continue;
                    }

                    if (problemOf(item.Text!) is { } problem)
                    {
                        Problem(item.Span, problem);
                        continue;
                    }

                    result.Add(item.Text!);
                }

                return result;
            }

            private string? CheckReference(MergedEntry entry, string field, HashSet<string> known, string what)
            {
                string? value = StringField(entry, field);
                if (value != null && !known.Contains(value))
                {
                    Problem(entry.Fields[field].Value.Span, $"Unknown {what} '{value}' in '{entry.Id}'; declare it first. The reference was ignored.");
                    return null;
                }

                return value;
            }



            private string? ObjectString(JsonNode item, string name, out JsonNode? node)
            {
                node = item.Find(name)?.Value;
                return node != null && node.Kind == JsonKind.String ? node.Text : null;
            }

            private void AddEntries(Section section, JsonProperty property)
            {
                if (!ExpectKind(property, JsonKind.Array))
                {
                    return;
                }

                foreach (var item in property.Value.Items)
                {
                    if (item.Kind != JsonKind.Object)
                    {
                        Problem(item.Span, $"Each item of \"{section.Name}\" must be an object; this one was ignored.");
                        continue;
                    }

                    var idProperty = item.Find("id");
                    if (idProperty == null || idProperty.Value.Kind != JsonKind.String || !IdPattern.IsMatch(idProperty.Value.Text!))
                    {
                        Problem(idProperty?.Value.Span ?? item.Span, $"An item of \"{section.Name}\" needs an \"id\" made of letters, digits and . _ + : -; this one was ignored.");
                        continue;
                    }

                    MergeInto(section, idProperty.Value.Text!, idProperty.Value.Span, item);
                }
            }

            private void AddPolicy(JsonProperty property)
            {
                if (!ExpectKind(property, JsonKind.Object))
                {
                    return;
                }

                foreach (var field in property.Value.Properties)
                {
                    switch (field.Name)
                    {
                        case "classes":
                            foreach (var (key, action, span) in ActionMap(field))
                            {
                                if (LicenseClasses.All.Contains(key))
                                {
                                    policy.Classes[key] = action;
                                }
                                else
                                {
                                    Problem(span, $"Unknown licence class '{key}' in \"policy.classes\" (expected one of: {string.Join(", ", LicenseClasses.All)}); it was ignored.");
                                }
                            }

                            break;
                        case "licenses":
                            foreach (var (key, action, span) in ActionMap(field))
                            {
                                policy.Licenses[key] = action;
                                policyLicenseKeys.Add((key, span));
                            }

                            break;
                        case "ignore":
                            if (IsValid(field, FieldKind.StringArray, "policy"))
                            {
                                foreach (var item in field.Value.Items.Where(i => i.Kind == JsonKind.String))
                                {
                                    policy.Ignore.Add(item.Text!);
                                }
                            }

                            break;
                        case "exceptions":
                            foreach (var (item, values) in PolicyItems(field, new[] { "package", "file", "version", "reason", "expires" }, new[] { "reason" }))
                            {
                                if (values.ContainsKey("package") == values.ContainsKey("file"))
                                {
                                    Problem(item.Span, "An exception names either a \"package\" or a weight \"file\", not both or neither; it was ignored.");
                                    continue;
                                }

                                var exception = new PolicyException
                                {
                                    Package = values.TryGetValue("package", out var package) ? package.Text! : string.Empty,
                                    File = values.TryGetValue("file", out var file) ? file.Text : null,
                                    Reason = values["reason"].Text!,
                                    DeclaredAt = item.Span,
                                };
                                if (values.TryGetValue("version", out var version))
                                {
                                    if (!TryRange(version, out var range))
                                    {
                                        continue;
                                    }

                                    exception.Version = range!;
                                }

                                if (values.TryGetValue("expires", out var expires))
                                {
                                    if (!DateTime.TryParseExact(expires.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                                    {
                                        Problem(expires.Span, $"\"expires\" must be a date written yyyy-MM-dd, not '{expires.Text}'; the exception was ignored.");
                                        continue;
                                    }

                                    exception.Expires = date;
                                }

                                policy.Exceptions.Add(exception);
                            }

                            break;
                        case "clarify":
                            foreach (var (item, values) in PolicyItems(field, new[] { "package", "version", "license", "reason" }, new[] { "package", "license", "reason" }))
                            {
                                var license = values["license"];
                                if (!LicenseExpression.TryParse(license.Text!, out _, out var error))
                                {
                                    Problem(license.Span, $"{error} The clarification was ignored.");
                                    continue;
                                }

                                var clarification = new PolicyClarification { Package = values["package"].Text!, License = license.Text!, Reason = values["reason"].Text!, DeclaredAt = item.Span };
                                if (values.TryGetValue("version", out var version))
                                {
                                    if (!TryRange(version, out var range))
                                    {
                                        continue;
                                    }

                                    clarification.Version = range!;
                                }

                                policy.Clarifications.Add(clarification);
                            }

                            break;
                        case "includeDevelopmentDependencies":
                            if (ExpectKind(field, JsonKind.Boolean))
                            {
                                policy.IncludeDevelopmentDependencies = field.Value.BooleanValue;
                            }

                            break;
                        case "nonCommercialProduct":
                            if (ExpectKind(field, JsonKind.Boolean))
                            {
                                policy.NonCommercialProduct = field.Value.BooleanValue;
                            }

                            break;
                        default:
                            Problem(field.NameSpan, $"Unknown key '{field.Name}' in \"policy\" (expected one of: {string.Join(", ", PolicyKeys)}); it was ignored.");
                            break;
                    }
                }
            }

            private IEnumerable<(string Key, PolicyAction Action, SourceSpan Span)> ActionMap(JsonProperty field)
            {
                if (!ExpectKind(field, JsonKind.Object))
                {
                    yield break;
                }

                foreach (var entry in field.Value.Properties)
                {
                    if (entry.Value.Kind != JsonKind.String || !LicensePolicy.TryParseAction(entry.Value.Text!, out var action))
                    {
                        Problem(entry.Value.Span, $"\"policy.{field.Name}.{entry.Name}\" must be \"allow\", \"warn\" or \"deny\"; it was ignored.");
                        continue;
                    }

                    yield return (entry.Name, action, entry.NameSpan);
                }
            }

            private IEnumerable<(JsonNode Item, Dictionary<string, JsonNode> Values)> PolicyItems(JsonProperty field, string[] allowed, string[] required)
            {
                if (!ExpectKind(field, JsonKind.Array))
                {
                    yield break;
                }

                foreach (var item in field.Value.Items)
                {
                    if (item.Kind != JsonKind.Object)
                    {
                        Problem(item.Span, $"Items of \"policy.{field.Name}\" are objects; this one was ignored.");
                        continue;
                    }

                    var values = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
                    foreach (var member in item.Properties)
                    {
                        if (!allowed.Contains(member.Name))
                        {
                            Problem(member.NameSpan, $"Unknown key '{member.Name}' in \"policy.{field.Name}\" (expected one of: {string.Join(", ", allowed)}); it was ignored.");
                        }
                        else if (member.Value.Kind != JsonKind.String || member.Value.Text!.Trim().Length == 0)
                        {
                            Problem(member.Value.Span, $"\"{member.Name}\" in \"policy.{field.Name}\" must be a non-empty string.");
                        }
                        else
                        {
                            values[member.Name] = member.Value;
                        }
                    }

                    var missing = required.Where(r => !values.ContainsKey(r)).ToList();
                    if (missing.Count > 0)
                    {
                        Problem(item.Span, $"An item of \"policy.{field.Name}\" needs {string.Join(" and ", missing.Select(m => "\"" + m + "\""))}; it was ignored.");
                        continue;
                    }

                    yield return (item, values);
                }
            }

            private bool TryRange(JsonNode node, out PackageVersionRange? range)
            {
                if (PackageVersionRange.TryParse(node.Text!, out range))
                {
                    return true;
                }

                Problem(node.Span, $"'{node.Text}' is not a NuGet version range (examples: \"4.5.3.3\" for 4.5.3.3 and later, \"[4.5.3.3]\" for exactly it, \"[1.0,2.0)\"); the entry was ignored.");
                return false;
            }

            private void AddRules(JsonProperty property)
            {
                if (!ExpectKind(property, JsonKind.Object))
                {
                    return;
                }

                foreach (var rule in property.Value.Properties)
                {
                    if (!RuleIdPattern.IsMatch(rule.Name))
                    {
                        Problem(rule.NameSpan, $"Unknown rule '{rule.Name}': keys of \"rules\" are diagnostic ids such as \"LG1002\". It was ignored.");
                        continue;
                    }

                    if (rule.Value.Kind != JsonKind.Object)
                    {
                        Problem(rule.Value.Span, $"The settings of rule '{rule.Name}' must be an object; they were ignored.");
                        continue;
                    }

                    MergeInto(rules, rule.Name, rule.NameSpan, rule.Value);
                }
            }

            private void MergeInto(Section section, string id, SourceSpan idSpan, JsonNode item)
            {
                if (!section.ById.TryGetValue(id, out var merged))
                {
                    merged = new MergedEntry(id, idSpan);
                    section.ById[id] = merged;
                    section.Entries.Add(merged);
                }
                else
                {
                    merged.IdSpan = idSpan;
                }

                foreach (var field in item.Properties)
                {
                    if (!section.Fields.TryGetValue(field.Name, out var kind))
                    {
                        Problem(field.NameSpan, $"Unknown key '{field.Name}' in \"{section.Name}\" entry '{id}' (expected one of: {string.Join(", ", section.Fields.Keys)}); it was ignored.");
                        continue;
                    }

                    if (IsValid(field, kind, id))
                    {
                        merged.Fields[field.Name] = field;
                    }
                }
            }

            private bool IsValid(JsonProperty field, FieldKind kind, string id)
            {
                var value = field.Value;
                switch (kind)
                {
                    case FieldKind.String:
                        return ExpectKind(field, JsonKind.String);
                    case FieldKind.Boolean:
                        return ExpectKind(field, JsonKind.Boolean);
                    case FieldKind.Severity:
                        return ExpectOneOf(field, Severities, id);
                    case FieldKind.LicenseClass:
                        return ExpectOneOf(field, LicenseClasses.All, id);
                    case FieldKind.StringArray:
                        if (!ExpectKind(field, JsonKind.Array))
                        {
                            return false;
                        }

                        foreach (var item in value.Items.Where(i => i.Kind != JsonKind.String))
                        {
                            Problem(item.Span, $"\"{field.Name}\" of '{id}' must list strings; this item was ignored.");
                        }

                        return true;
                    case FieldKind.AlternativeArray:
                        return ExpectObjectArray(field, id, "model", "runtime");
                    case FieldKind.RunArray:
                        return ExpectObjectArray(field, id, "runtime", "reference");
                    default:
                        return false;
                }
            }

            private bool ExpectObjectArray(JsonProperty field, string id, string first, string second)
            {
                if (!ExpectKind(field, JsonKind.Array))
                {
                    return false;
                }

                foreach (var item in field.Value.Items)
                {
                    if (item.Kind != JsonKind.Object)
                    {
                        Problem(item.Span, $"Items of \"{field.Name}\" in '{id}' are objects with \"{first}\" and \"{second}\"; this one was ignored.");
                        continue;
                    }

                    foreach (var member in item.Properties)
                    {
                        if (member.Name != first && member.Name != second)
                        {
                            Problem(member.NameSpan, $"Unknown key '{member.Name}' in \"{field.Name}\" of '{id}' (expected \"{first}\" and \"{second}\"); it was ignored.");
                        }
                        else if (member.Value.Kind != JsonKind.String)
                        {
                            Problem(member.Value.Span, $"\"{member.Name}\" in \"{field.Name}\" of '{id}' must be a string; the item was ignored.");
                        }
                    }

                    if (item.Find(first)?.Value.Kind != JsonKind.String)
                    {
                        Problem(item.Span, $"An item of \"{field.Name}\" in '{id}' needs \"{first}\"; it was ignored.");
                    }
                }

                return true;
            }

            private bool ExpectOneOf(JsonProperty field, IReadOnlyList<string> allowed, string id)
            {
                if (!ExpectKind(field, JsonKind.String))
                {
                    return false;
                }

                if (!allowed.Contains(field.Value.Text!))
                {
                    Problem(field.Value.Span, $"Invalid \"{field.Name}\" '{field.Value.Text}' in '{id}' (expected one of: {string.Join(", ", allowed)}); it was ignored.");
                    return false;
                }

                return true;
            }

            private bool ExpectKind(JsonProperty property, JsonKind kind)
            {
                if (property.Value.Kind == kind)
                {
                    return true;
                }

                Problem(property.Value.Span, $"\"{property.Name}\" must be {Describe(kind)}, not {Describe(property.Value.Kind)}; it was ignored.");
                return false;
            }

            private static string Describe(JsonKind kind) => kind switch
            {
                JsonKind.Object => "an object",
                JsonKind.Array => "an array",
                JsonKind.String => "a string",
                JsonKind.Number => "a number",
                JsonKind.Boolean => "true or false",
                _ => "null",
            };

            private void Problem(SourceSpan span, string message) => problems.Add(new RulesProblem(span, message));

            private static string? StringField(MergedEntry entry, string name) =>
                entry.Fields.TryGetValue(name, out var p) && p.Value.Kind == JsonKind.String ? p.Value.Text : null;

            private static bool BoolField(MergedEntry entry, string name) =>
                entry.Fields.TryGetValue(name, out var p) && p.Value.BooleanValue;

            private static IReadOnlyList<string> StringArrayField(MergedEntry entry, string name) =>
                entry.Fields.TryGetValue(name, out var p) && p.Value.Kind == JsonKind.Array
                    ? p.Value.Items.Where(i => i.Kind == JsonKind.String).Select(i => i.Text!).ToList()
                    : (IReadOnlyList<string>)Array.Empty<string>();
        }
    }
}
