using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGuard.Catalog;

namespace LicenseGuard.Matching
{
    /// <summary>
    /// Decides whether a whole string is the id of a closed-weight model. Patterns are bucketed by their first two characters,
    /// so a string is compared only with the few patterns that could match it. The most specific pattern decides, and an open
    /// model's pattern wins a tie: <c>gpt-oss-20b</c> is open although <c>gpt-*</c> families are closed, and <c>qwen3-max</c>
    /// (an API-only model, named exactly) is closed although the open <c>qwen3*</c> family starts the same way. A fine-tuned
    /// id is judged by the model it was tuned from (<c>ft:gpt-4.1-mini-2025-04-14:acme::id</c>, <c>gpt-35-turbo-0613.ft-id</c>).
    /// </summary>
    public sealed class ModelIdIndex
    {
        /// <summary>The longest string judged as a whole id.</summary>
        public const int MaxIdLength = 128;

        private readonly Dictionary<int, List<(string Pattern, ModelEntry Model)>> buckets = new Dictionary<int, List<(string, ModelEntry)>>();
        private readonly List<(string Pattern, ModelEntry Model)> unbucketed = new List<(string, ModelEntry)>();
        private readonly List<string> ignored = new List<string>();

        /// <summary>Initializes a new instance of the <see cref="ModelIdIndex"/> class.</summary>
        public ModelIdIndex(RulesCatalog catalog, IEnumerable<string> ignoredModelPatterns)
        {
            foreach (var model in catalog.Models)
            {
                foreach (var pattern in model.Ids)
                {
                    if (pattern.Length >= 2 && pattern[0] != '*' && pattern[1] != '*')
                    {
                        int key = ClosedIdPreCheck.Key(pattern[0], pattern[1]);
                        if (!buckets.TryGetValue(key, out var list))
                        {
                            buckets[key] = list = new List<(string, ModelEntry)>();
                        }

                        list.Add((pattern, model));
                    }
                    else
                    {
                        unbucketed.Add((pattern, model));
                    }

                    if (!model.OpenWeights)
                    {
                        PreCheck.Add(pattern); // an open match only ever turns a finding off
                    }
                }
            }

            ignored.AddRange(ignoredModelPatterns);
        }

        /// <summary>Gets the pre-check of closed ids (also what the built-in digest records).</summary>
        public ClosedIdPreCheck PreCheck { get; } = new ClosedIdPreCheck();

        /// <summary>The longest bare id that counts only in a model position (<see cref="NeedsModelPosition"/>).</summary>
        public const int ShortIdLength = 3;

        /// <summary>
        /// Returns whether a matched id is too short to be a model id by itself: <c>"o3"</c> is a model as the value of a
        /// <c>model</c> parameter or key, and a pollutant code, a grade or a label anywhere else.
        /// </summary>
        public static bool NeedsModelPosition(string id) => id.Length <= ShortIdLength;

        /// <summary>
        /// Returns whether a name (a parameter, variable, member, JSON key or environment variable) says it holds a model id:
        /// it contains "model", "deployment" or "engine" (<c>modelId</c>, <c>ChatModel</c>, <c>DeploymentName</c>, <c>OPENAI_MODEL</c>).
        /// </summary>
        public static bool NamesModel(string name)
        {
            foreach (string word in ModelNameWords)
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly string[] ModelNameWords = { "model", "deployment", "engine" };

        /// <summary>
        /// Returns whether a string could be a closed model's id: a necessary condition for <see cref="MatchClosed"/>, with no
        /// allocation (see <see cref="ClosedIdPreCheck"/>).
        /// </summary>
        public bool CouldMatch(string value) => value.Length >= 2 && value.Length <= MaxIdLength && PreCheck.CouldMatch(value);

        /// <summary>
        /// Returns whether a string could carry a model id where APIs put one (a cheap pre-check for <see cref="MatchClosedWithin"/>):
        /// a URL or API path, a gateway id (<c>openai/gpt-4o</c>) or a JSON request body.
        /// </summary>
        public static bool CouldCarryModelId(string value)
        {
            if (value.Length < 4 || value.Length > MaxCarrierLength)
            {
                return false;
            }

            if (value.IndexOf('"') >= 0 && value.IndexOf("\"model", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            // Exactly the places MatchClosedWithin looks: a model segment or query key (each contains one of CarrierWords), or a
            // gateway prefix before the only slash. So routes and media types ("/api/v1/orders", "application/json") stop here,
            // before any split or allocation.
            int slash = value.IndexOf('/');
            if (slash < 0)
            {
                return false;
            }

            foreach (string word in CarrierWords)
            {
                if (value.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return IsGatewayPrefix(value, slash);
        }

        private static string[] ShortestWords(List<string> words) =>
            words.Where(word => !words.Any(other => other != word && word.IndexOf(other, StringComparison.Ordinal) >= 0)).ToArray();

        private static bool IsGatewayPrefix(string value, int slash)
        {
            foreach (string prefix in GatewayPrefixes)
            {
                if (prefix.Length == slash && string.Compare(value, 0, prefix, 0, slash, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Finds a closed model id inside a longer string, only where APIs put one, so prose, file paths and page URLs that mention a
        /// model are not findings:
        /// <list type="bullet">
        /// <item>a URL or path segment after <c>models</c>, <c>model</c>, <c>deployments</c> or <c>engines</c>, without a trailing
        /// <c>:verb</c> (<c>/v1beta/models/gemini-1.5-pro:generateContent</c>, <c>/model/anthropic.claude-3-haiku-…-v1:0/invoke</c>,
        /// <c>/openai/deployments/gpt-4o/chat/completions</c>);</item>
        /// <item>a query value of <c>model</c>, <c>modelId</c>, <c>model_id</c> or <c>deployment</c>;</item>
        /// <item>a gateway id: a known provider prefix and the model (<c>openai/gpt-4o</c>, <c>anthropic/claude-3.5-sonnet</c>,
        /// as OpenRouter, GitHub Models and AI gateways spell them);</item>
        /// <item>the string value of a <c>"model"</c> key in a JSON request body.</item>
        /// </list>
        /// </summary>
        public ModelEntry? MatchClosedWithin(string value, out string id)
        {
            id = string.Empty;
            if (!CouldCarryModelId(value))
            {
                return null;
            }

            int json = value.IndexOf("\"model", StringComparison.OrdinalIgnoreCase);
            if (json >= 0)
            {
                return MatchJsonModel(value, json, out id);
            }

            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    return null;
                }
            }

            int slash = value.IndexOf('/');
            if (value.IndexOf("://", StringComparison.Ordinal) < 0 && slash > 0 && slash == value.LastIndexOf('/')
                && FoundAllowingGatewayPrefix(value, out id) is { } gateway)
            {
                return gateway;
            }

            int queryStart = value.IndexOfAny(QueryStart);
            string path = queryStart < 0 ? value : value.Substring(0, queryStart);
            string[] segments = path.Split('/');
            for (int i = 1; i < segments.Length; i++)
            {
                if (Array.IndexOf(ModelSegments, segments[i - 1].ToLowerInvariant()) >= 0 && Found(WithoutVerb(segments[i]), out id) is { } model)
                {
                    return model;
                }
            }

            if (queryStart >= 0 && value[queryStart] == '?')
            {
                int end = value.IndexOf('#', queryStart);
                foreach (var pair in (end < 0 ? value.Substring(queryStart + 1) : value.Substring(queryStart + 1, end - queryStart - 1)).Split('&'))
                {
                    int equals = pair.IndexOf('=');
                    if (equals > 0 && Array.IndexOf(ModelQueryKeys, pair.Substring(0, equals).ToLowerInvariant()) >= 0
                        && FoundAllowingGatewayPrefix(Uri.UnescapeDataString(pair.Substring(equals + 1)), out id) is { } model)
                    {
                        return model;
                    }
                }
            }

            return null;
        }

        private const int MaxCarrierLength = 4096;

        /// <summary>Provider prefixes of gateway model ids (OpenRouter, GitHub Models, Vercel AI Gateway and similar).</summary>
        private static readonly string[] GatewayPrefixes =
        {
            "openai", "anthropic", "google", "x-ai", "xai", "mistralai", "mistral", "cohere", "amazon", "deepseek", "perplexity", "azure-openai", "azureml", "vertex_ai", "bedrock", "gemini",
        };

        private static readonly string[] ModelSegments = { "models", "model", "deployments", "engines" };

        private static readonly string[] ModelQueryKeys = { "model", "modelid", "model_id", "deployment" };

        /// <summary>The shortest words the model segments and query keys contain ("model", "deployment", "engines").</summary>
        private static readonly string[] CarrierWords = ShortestWords(ModelSegments.Concat(ModelQueryKeys).Distinct().ToList());

        private static readonly char[] QueryStart = { '?', '#' };

        private ModelEntry? Found(string candidate, out string id)
        {
            id = candidate;
            return MatchClosed(candidate);
        }

        /// <summary>A value where an API takes a model id, which gateways spell with a provider prefix (<c>"model": "openai/gpt-4.1"</c>).</summary>
        private ModelEntry? FoundAllowingGatewayPrefix(string candidate, out string id)
        {
            int slash = candidate.IndexOf('/');
            return slash > 0 && slash == candidate.LastIndexOf('/') && Array.IndexOf(GatewayPrefixes, candidate.Substring(0, slash).ToLowerInvariant()) >= 0
                ? Found(candidate.Substring(slash + 1), out id)
                : Found(candidate, out id);
        }

        /// <summary>Strips a method suffix such as <c>:generateContent</c> or <c>:rawPredict</c> (letters only, so <c>-v1:0</c> stays).</summary>
        private static string WithoutVerb(string segment)
        {
            int colon = segment.LastIndexOf(':');
            if (colon <= 0 || colon == segment.Length - 1)
            {
                return segment;
            }

            for (int i = colon + 1; i < segment.Length; i++)
            {
                if (!char.IsLetter(segment[i]))
                {
                    return segment;
                }
            }

            return segment.Substring(0, colon);
        }

        /// <summary>The value of <c>"model": "…"</c> (or <c>"modelId"</c>) in a JSON text: only a quoted string value counts.</summary>
        private ModelEntry? MatchJsonModel(string value, int keyStart, out string id)
        {
            id = string.Empty;
            int keyEnd = value.IndexOf('"', keyStart + 1);
            if (keyEnd < 0 || Array.IndexOf(ModelQueryKeys, value.Substring(keyStart + 1, keyEnd - keyStart - 1).ToLowerInvariant()) < 0)
            {
                return null;
            }

            int i = keyEnd + 1;
            while (i < value.Length && char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            if (i >= value.Length || value[i] != ':')
            {
                return null;
            }

            i++;
            while (i < value.Length && char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            int close = i < value.Length && value[i] == '"' ? value.IndexOf('"', i + 1) : -1;
            return close < 0 ? null : FoundAllowingGatewayPrefix(value.Substring(i + 1, close - i - 1), out id);
        }

        /// <summary>
        /// The model a fine-tuned id was tuned from, or null: OpenAI's <c>ft:&lt;base&gt;:&lt;org&gt;:&lt;suffix&gt;:&lt;id&gt;</c> and Azure
        /// OpenAI's <c>&lt;base&gt;.ft-&lt;id&gt;</c>. Allocates only for such ids.
        /// </summary>
        public static string? TunedFrom(string value)
        {
            if (value.Length > 3 && value[0] == 'f' && value[1] == 't' && value[2] == ':')
            {
                int end = value.IndexOf(':', 3);
                return end < 0 ? value.Substring(3) : end > 3 ? value.Substring(3, end - 3) : null;
            }

            int azure = value.IndexOf(".ft-", StringComparison.Ordinal);
            return azure > 0 ? value.Substring(0, azure) : null;
        }

        /// <summary>Finds the closed model a whole string names, or null (also for open models and ignored patterns).</summary>
        public ModelEntry? MatchClosed(string value)
        {
            value = TunedFrom(value) ?? value;
            if (!CouldMatch(value))
            {
                return null;
            }

            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    return null;
                }
            }

            // The most specific pattern names the model: "gpt-4o-mini" is GPT-4o mini (gpt-4o-mini*), not GPT-4o (gpt-4o*).
            ModelEntry? closed = null;
            int closedSpecificity = -1;
            int openSpecificity = -1;
            if (buckets.TryGetValue(ClosedIdPreCheck.Key(value[0], value[1]), out var list))
            {
                foreach (var (pattern, model) in list)
                {
                    if (Glob.IsMatch(pattern, value))
                    {
                        Prefer(ref closed, ref closedSpecificity, ref openSpecificity, pattern, model);
                    }
                }
            }

            foreach (var (pattern, model) in unbucketed)
            {
                if (Glob.IsMatch(pattern, value))
                {
                    Prefer(ref closed, ref closedSpecificity, ref openSpecificity, pattern, model);
                }
            }

            if (openSpecificity >= closedSpecificity)
            {
                return null;
            }

            if (closed != null)
            {
                foreach (var pattern in ignored)
                {
                    if (Glob.IsMatch(pattern, value))
                    {
                        return null;
                    }
                }
            }

            return closed;
        }

        private static void Prefer(ref ModelEntry? closed, ref int closedSpecificity, ref int openSpecificity, string pattern, ModelEntry model)
        {
            int specificity = 0;
            foreach (char c in pattern)
            {
                if (c != '*')
                {
                    specificity++;
                }
            }

            if (model.OpenWeights)
            {
                openSpecificity = Math.Max(openSpecificity, specificity);
            }
            else if (specificity > closedSpecificity)
            {
                closed = model;
                closedSpecificity = specificity;
            }
        }
    }
}
