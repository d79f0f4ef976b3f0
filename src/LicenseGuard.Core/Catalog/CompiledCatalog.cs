using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LicenseGuard.Licensing;
using LicenseGuard.Policy;

namespace LicenseGuard.Catalog
{
    /// <summary>
    /// The built-in catalog in a compiled form: rules/*.json already merged and validated, one line per entry, so that a
    /// compiler process reads it without the JSON reader, the loader's validation and its regular expressions (most of what a
    /// first load used to cost is JIT-compiling that code). <c>CompiledCatalog.BuiltIn.g.cs</c> holds it; a test keeps it equal
    /// to what the loader makes of rules/*.json. User rules files still go through the loader, layered on the JSON.
    /// </summary>
    /// <remarks>
    /// A line is a record kind and its fields, separated by tabs; lists separate their items with U+001F, pairs their halves
    /// with U+001E; U+0000 stands for null; a source span is <c>line,column,start,length,path</c>.
    /// </remarks>
    public static partial class CompiledCatalog
    {
        private const char FieldSeparator = '\t';
        private const char ItemSeparator = '\u001f';
        private const char PairSeparator = '\u001e';
        private const string Null = "\u0000";

        /// <summary>Reads a catalog written by <see cref="Write"/>.</summary>
        public static RulesCatalog Read(string text)
        {
            var services = new List<ServiceEntry>();
            var models = new List<ModelEntry>();
            var licenses = new List<LicenseEntry>();
            var runtimes = new List<RuntimeEntry>();
            var tasks = new List<TaskEntry>();
            var sinks = new List<SinkEntry>();
            var rules = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);
            var policy = new LicensePolicy();
            int start = 0;
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                var f = text.Substring(start, end - start).Split(FieldSeparator);
                start = end + 1;
                switch (f[0])
                {
                    case "license":
                        licenses.Add(Entry(new LicenseEntry
                        {
                            Class = f[4], Osi = f[5] == "1", Urls = List(f[6]), Titles = List(f[7]), Headings = List(f[8]), Aliases = List(f[9]),
                            Obligations = List(f[10]), Conditions = f[11],
                        }, f));
                        break;
                    case "runtime":
                        runtimes.Add(Entry(new RuntimeEntry { Packages = List(f[4]), Implements = List(f[5]), Example = f[6] }, f));
                        break;
                    case "task":
                        tasks.Add(Entry(new TaskEntry
                        {
                            Symbols = List(f[4]), Paths = List(f[5]), PipelineTags = List(f[6]), GgufArchitectures = List(f[7]),
                            Alternatives = Alternatives(f[8]), Note = f[9],
                        }, f));
                        break;
                    case "model":
                        models.Add(Entry(new ModelEntry
                        {
                            Vendor = f[4], Family = f[5], OpenWeights = f[6] == "1", License = f[7], Service = Nullable(f[8]), Ids = List(f[9]),
                            Files = List(f[10]), Packages = List(f[11]), Run = RunOptions(f[12]), Tasks = List(f[13]), Severity = Nullable(f[14]),
                        }, f));
                        break;
                    case "service":
                        services.Add(Entry(new ServiceEntry
                        {
                            Vendor = f[4], Access = f[5], License = f[6], Packages = List(f[7]), Symbols = List(f[8]), Hosts = List(f[9]),
                            Tasks = List(f[10]), Alternatives = Alternatives(f[11]), Severity = Nullable(f[12]),
                        }, f));
                        break;
                    case "sink":
                        sinks.Add(Entry(new SinkEntry { Category = f[4], Members = List(f[5]), Data = List(f[6]), Destination = List(f[7]), To = f[8], Names = List(f[9]), Namespaces = List(f[10]), Verbs = List(f[11]) }, f));
                        break;
                    case "rule":
                        rules[f[1]] = new RuleSettings { Enabled = f[2] == "1", Severity = Nullable(f[3]), Ignore = List(f[4]) };
                        break;
                    case "policy":
                        policy.NonCommercialProduct = f[1] == "1";
                        policy.IncludeDevelopmentDependencies = f[2] == "1";
                        foreach (string pair in List(f[3]))
                        {
                            var (key, value) = Pair(pair);
                            policy.Classes[key] = (PolicyAction)int.Parse(value, CultureInfo.InvariantCulture);
                        }

                        foreach (string pair in List(f[4]))
                        {
                            var (key, value) = Pair(pair);
                            policy.Licenses[key] = (PolicyAction)int.Parse(value, CultureInfo.InvariantCulture);
                        }

                        foreach (string pattern in List(f[5]))
                        {
                            policy.Ignore.Add(pattern);
                        }

                        break;
                    case "exception":
                        policy.Exceptions.Add(new PolicyException
                        {
                            Package = f[1], File = Nullable(f[2]), Version = Range(f[3]), Reason = f[4],
                            Expires = f[5] == Null ? (DateTime?)null : DateTime.Parse(f[5], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                            DeclaredAt = Span(f[6]),
                        });
                        break;
                    case "clarification":
                        policy.Clarifications.Add(new PolicyClarification
                        {
                            Package = f[1], Version = Range(f[2]), License = f[3], Reason = f[4], BuiltIn = f[5] == "1", DeclaredAt = Span(f[6]),
                        });
                        break;
                    case "":
                        break;
                    default:
                        throw new FormatException($"Unknown record kind '{f[0]}' in the compiled catalog.");
                }
            }

            return new RulesCatalog(services, models, licenses, runtimes, tasks, rules, Array.Empty<RulesProblem>(), policy, sinks);
        }

        /// <summary>Writes a catalog in the compiled form; the catalog must have no problems (it is the built-in one).</summary>
        public static string Write(RulesCatalog catalog)
        {
            if (catalog.Problems.Count > 0)
            {
                throw new InvalidOperationException("A catalog with problems cannot be compiled: " + catalog.Problems[0]);
            }

            var text = new StringBuilder();
            foreach (var license in catalog.Licenses)
            {
                Line(text, "license", license, license.Class, Flag(license.Osi), List(license.Urls), List(license.Titles), List(license.Headings), List(license.Aliases), List(license.Obligations), license.Conditions);
            }

            foreach (var runtime in catalog.Runtimes)
            {
                Line(text, "runtime", runtime, List(runtime.Packages), List(runtime.Implements), runtime.Example);
            }

            foreach (var task in catalog.Tasks)
            {
                Line(text, "task", task, List(task.Symbols), List(task.Paths), List(task.PipelineTags), List(task.GgufArchitectures), Alternatives(task.Alternatives), task.Note);
            }

            foreach (var model in catalog.Models)
            {
                var run = new List<(string, string)>();
                foreach (var option in model.Run)
                {
                    run.Add((option.Runtime, option.Reference));
                }

                Line(text, "model", model, model.Vendor, model.Family, Flag(model.OpenWeights), model.License, model.Service ?? Null, List(model.Ids), List(model.Files), List(model.Packages), Pairs(run), List(model.Tasks), model.Severity ?? Null);
            }

            foreach (var service in catalog.Services)
            {
                Line(text, "service", service, service.Vendor, service.Access, service.License, List(service.Packages), List(service.Symbols), List(service.Hosts), List(service.Tasks), Alternatives(service.Alternatives), service.Severity ?? Null);
            }

            foreach (var sink in catalog.Sinks)
            {
                Line(text, "sink", sink, sink.Category, List(sink.Members), List(sink.Data), List(sink.Destination), sink.To, List(sink.Names), List(sink.Namespaces), List(sink.Verbs));
            }

            foreach (var rule in catalog.Rules)
            {
                Line(text, "rule", rule.Key, Flag(rule.Value.Enabled), rule.Value.Severity ?? Null, List(rule.Value.Ignore));
            }

            var policy = catalog.Policy;
            var classes = new List<(string, string)>();
            foreach (var pair in policy.Classes)
            {
                classes.Add((pair.Key, ((int)pair.Value).ToString(CultureInfo.InvariantCulture)));
            }

            var licenses = new List<(string, string)>();
            foreach (var pair in policy.Licenses)
            {
                licenses.Add((pair.Key, ((int)pair.Value).ToString(CultureInfo.InvariantCulture)));
            }

            Line(text, "policy", Flag(policy.NonCommercialProduct), Flag(policy.IncludeDevelopmentDependencies), Pairs(classes), Pairs(licenses), List(policy.Ignore));
            foreach (var exception in policy.Exceptions)
            {
                Line(text, "exception", exception.Package, exception.File ?? Null, exception.Version.Original, exception.Reason, exception.Expires?.ToString("o", CultureInfo.InvariantCulture) ?? Null, Span(exception.DeclaredAt));
            }

            foreach (var clarification in policy.Clarifications)
            {
                Line(text, "clarification", clarification.Package, clarification.Version.Original, clarification.License, clarification.Reason, Flag(clarification.BuiltIn), Span(clarification.DeclaredAt));
            }

            return text.ToString();
        }

        private static T Entry<T>(T entry, string[] fields)
            where T : CatalogEntry
        {
            entry.Id = fields[1];
            entry.Name = fields[2];
            entry.DeclaredAt = Span(fields[3]);
            return entry;
        }

        private static IReadOnlyList<string> List(string field) => field.Length == 0 ? Array.Empty<string>() : field.Split(ItemSeparator);

        private static string? Nullable(string field) => field == Null ? null : field;

        private static (string Key, string Value) Pair(string item)
        {
            int separator = item.IndexOf(PairSeparator);
            return (item.Substring(0, separator), item.Substring(separator + 1));
        }

        private static IReadOnlyList<AlternativeRef> Alternatives(string field)
        {
            var items = List(field);
            var alternatives = new AlternativeRef[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                var (model, runtime) = Pair(items[i]);
                alternatives[i] = new AlternativeRef { Model = model, Runtime = runtime };
            }

            return alternatives;
        }

        private static IReadOnlyList<RunOption> RunOptions(string field)
        {
            var items = List(field);
            var options = new RunOption[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                var (runtime, reference) = Pair(items[i]);
                options[i] = new RunOption { Runtime = runtime, Reference = reference };
            }

            return options;
        }

        private static PackageVersionRange Range(string original) =>
            PackageVersionRange.TryParse(original, out var range) ? range! : throw new FormatException($"'{original}' is not a version range.");

        private static SourceSpan Span(string field)
        {
            var parts = field.Split(new[] { ',' }, 5);
            return new SourceSpan(parts[4], Int(parts[2]), Int(parts[3]), Int(parts[0]), Int(parts[1]));
        }

        private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

        private static string Span(SourceSpan span) =>
            string.Join(",", span.Line.ToString(CultureInfo.InvariantCulture), span.Column.ToString(CultureInfo.InvariantCulture), span.Start.ToString(CultureInfo.InvariantCulture), span.Length.ToString(CultureInfo.InvariantCulture), span.Path);

        private static string Flag(bool value) => value ? "1" : "0";

        private static string List(IEnumerable<string> items)
        {
            var checkedItems = new List<string>();
            foreach (string item in items)
            {
                if (item.Length == 0)
                {
                    throw new InvalidOperationException("An empty list item cannot be compiled.");
                }

                checkedItems.Add(Check(item));
            }

            return string.Join(ItemSeparator.ToString(), checkedItems);
        }

        private static string Alternatives(IEnumerable<AlternativeRef> alternatives)
        {
            var pairs = new List<(string, string)>();
            foreach (var alternative in alternatives)
            {
                pairs.Add((alternative.Model, alternative.Runtime));
            }

            return Pairs(pairs);
        }

        private static string Pairs(IEnumerable<(string First, string Second)> pairs)
        {
            var items = new List<string>();
            foreach (var (first, second) in pairs)
            {
                items.Add(Check(first) + PairSeparator + Check(second));
            }

            return string.Join(ItemSeparator.ToString(), items);
        }

        private static string Check(string value) =>
            value.IndexOf(ItemSeparator) >= 0 || value.IndexOf(PairSeparator) >= 0
                ? throw new InvalidOperationException($"The catalog value '{value}' cannot be compiled: it holds U+001F or U+001E.")
                : value;

        /// <summary>Writes a compiled catalog as the C# source of <c>CompiledCatalog.BuiltIn.g.cs</c>, a line of C# per record.</summary>
        public static string ToCSharp(string compiled)
        {
            var code = new StringBuilder();
            code.Append("// <auto-generated>\n// The built-in catalog (rules/*.json) merged, validated and compiled. Regenerate after changing the rules files:\n")
                .Append("//   LICENSEGUARD_UPDATE_DIGEST=1 dotnet test tests/LicenseGuard.Core.Tests --filter BuiltIn\n// </auto-generated>\n")
                .Append("namespace LicenseGuard.Catalog\n{\n    public static partial class CompiledCatalog\n    {\n")
                .Append("        /// <summary>The built-in catalog in the compiled form <see cref=\"Read\"/> takes.</summary>\n")
                .Append("        internal const string BuiltInText =\n            \"\"");
            int start = 0;
            while (start < compiled.Length)
            {
                int end = compiled.IndexOf('\n', start);
                end = end < 0 ? compiled.Length : end + 1;
                code.Append(" +\n            \"");
                foreach (char c in compiled.Substring(start, end - start))
                {
                    code.Append(c switch
                    {
                        '\\' => "\\\\",
                        '"' => "\\\"",
                        '\t' => "\\t",
                        '\n' => "\\n",
                        _ when c < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                        _ => c.ToString(),
                    });
                }

                code.Append('"');
                start = end;
            }

            code.Append(";\n    }\n}\n");
            return code.ToString();
        }

        private static void Line(StringBuilder text, string kind, CatalogEntry entry, params string[] fields)
        {
            var all = new string[fields.Length + 3];
            all[0] = entry.Id;
            all[1] = entry.Name;
            all[2] = Span(entry.DeclaredAt);
            fields.CopyTo(all, 3);
            Line(text, kind, all);
        }

        private static void Line(StringBuilder text, string kind, params string[] fields)
        {
            text.Append(kind);
            foreach (string field in fields)
            {
                if (field.IndexOf(FieldSeparator) >= 0 || field.IndexOf('\n') >= 0 || field.IndexOf('\r') >= 0)
                {
                    throw new InvalidOperationException($"The catalog value '{field}' cannot be compiled: it holds a tab or a line break.");
                }

                text.Append(FieldSeparator).Append(field);
            }

            text.Append('\n');
        }
    }
}
