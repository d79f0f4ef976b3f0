using System.Collections.Generic;

namespace LicenseGuard.Catalog
{
    /// <summary>What a licence lets you do, coarsely; policies are written against these classes.</summary>
    public static class LicenseClasses
    {
        /// <summary>MIT, Apache-2.0, BSD…: keep the notice.</summary>
        public const string Permissive = "permissive";
        /// <summary>LGPL, MPL, EPL…: file- or library-level copyleft.</summary>
        public const string WeakCopyleft = "weak-copyleft";
        /// <summary>GPL: copyleft over the combined work.</summary>
        public const string StrongCopyleft = "strong-copyleft";
        /// <summary>AGPL, SSPL: copyleft triggered by network use.</summary>
        public const string NetworkCopyleft = "network-copyleft";
        /// <summary>Llama, Gemma, OpenRAIL…: weights are published, with use restrictions and conditions.</summary>
        public const string OpenWeightsRestricted = "open-weights-restricted";
        /// <summary>CC-BY-NC, research-only licences.</summary>
        public const string NonCommercial = "non-commercial";
        /// <summary>Closed services and closed weights.</summary>
        public const string Proprietary = "proprietary";
        /// <summary>Nothing readable was declared.</summary>
        public const string Unknown = "unknown";

        /// <summary>Gets every class, in the order the docs list them.</summary>
        public static IReadOnlyList<string> All { get; } = new[]
        {
            Permissive, WeakCopyleft, StrongCopyleft, NetworkCopyleft, OpenWeightsRestricted, NonCommercial, Proprietary, Unknown,
        };
    }

    /// <summary>Common shape of every catalog entry.</summary>
    public abstract class CatalogEntry
    {
        /// <summary>Gets the stable id (lower-case, used in rules files and diagnostic properties).</summary>
        public string Id { get; internal set; } = string.Empty;

        /// <summary>Gets the human-readable name.</summary>
        public string Name { get; internal set; } = string.Empty;

        /// <summary>Gets where the entry's id was declared (the last layer that touched it).</summary>
        public SourceSpan DeclaredAt { get; internal set; }

        /// <inheritdoc/>
        public override string ToString() => Name.Length > 0 ? Name : Id;
    }

    /// <summary>A licence: SPDX id or <c>LicenseRef-…</c>, and its class.</summary>
    public sealed class LicenseEntry : CatalogEntry
    {
        /// <summary>Gets the licence class (see <see cref="LicenseClasses"/>).</summary>
        public string Class { get; internal set; } = LicenseClasses.Unknown;

        /// <summary>Gets a value indicating whether the licence is OSI-approved.</summary>
        public bool Osi { get; internal set; }

        /// <summary>Gets licence URLs that old package metadata and model cards use for this licence.</summary>
        public IReadOnlyList<string> Urls { get; internal set; } = System.Array.Empty<string>();

        /// <summary>
        /// Gets the titles a licence file of this licence opens with (its first line, e.g. "Six Labors Split License"): how a
        /// licence that is not on the SPDX list is recognised in a package's licence file.
        /// </summary>
        public IReadOnlyList<string> Titles { get; internal set; } = System.Array.Empty<string>();

        /// <summary>
        /// Gets the headings under which a file that offers a choice of licences names this one (e.g. "LGPL v3 License"). Never
        /// used for a whole file, whose own text must match: a heading only names a branch of an offered choice.
        /// </summary>
        public IReadOnlyList<string> Headings { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets other spellings (Hugging Face tags such as <c>llama3.1</c>).</summary>
        public IReadOnlyList<string> Aliases { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets what redistribution or use demands, one sentence each.</summary>
        public IReadOnlyList<string> Obligations { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the licence's conditions in a few words, shown next to alternatives (<c>use restrictions passed on to users</c>).</summary>
        public string Conditions { get; internal set; } = string.Empty;

        /// <summary>Gets how messages name the licence: the SPDX id, or the name of a <c>LicenseRef-…</c>.</summary>
        public string DisplayId => Id.StartsWith("LicenseRef-", System.StringComparison.Ordinal) && Name.Length > 0 ? Name : Id;
    }

    /// <summary>
    /// What code asks a model to do (chat, embeddings, image generation…): how a call, an endpoint path or a model card
    /// shows it, and the open alternatives for it.
    /// </summary>
    public sealed class TaskEntry : CatalogEntry
    {
        /// <summary>
        /// Gets patterns over the qualified name of the SDK member a call uses or the type it creates
        /// (<c>*.ImageClient.GenerateImage*</c>, <c>*.AsIEmbeddingGenerator</c>); <c>*</c> matches any run of characters.
        /// </summary>
        public IReadOnlyList<string> Symbols { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets URL path endings that show the task (<c>/v1/images/generations</c>, <c>:embedContent</c>).</summary>
        public IReadOnlyList<string> Paths { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the Hugging Face <c>pipeline_tag</c> values of model cards for this task.</summary>
        public IReadOnlyList<string> PipelineTags { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the GGUF <c>general.architecture</c> values of models that do this task (<c>bert</c>, <c>nomic-bert</c>).</summary>
        public IReadOnlyList<string> GgufArchitectures { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the ranked open alternatives for the task.</summary>
        public IReadOnlyList<AlternativeRef> Alternatives { get; internal set; } = System.Array.Empty<AlternativeRef>();

        /// <summary>Gets what to say when the catalog has no alternative for the task.</summary>
        public string Note { get; internal set; } = string.Empty;
    }

    /// <summary>A .NET way to run open models (OllamaSharp, LLamaSharp, ONNX Runtime GenAI…).</summary>
    public sealed class RuntimeEntry : CatalogEntry
    {
        /// <summary>Gets the NuGet packages the runtime needs.</summary>
        public IReadOnlyList<string> Packages { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the Microsoft.Extensions.AI interfaces the runtime implements.</summary>
        public IReadOnlyList<string> Implements { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets a one-line C# construction example.</summary>
        public string Example { get; internal set; } = string.Empty;
    }

    /// <summary>How to run one model with one runtime.</summary>
    public sealed class RunOption
    {
        /// <summary>Gets the runtime id.</summary>
        public string Runtime { get; internal set; } = string.Empty;

        /// <summary>Gets the runtime-specific model reference (Ollama tag, GGUF repository, ONNX folder).</summary>
        public string Reference { get; internal set; } = string.Empty;
    }

    /// <summary>A model: closed (API-only) or open-weight.</summary>
    public sealed class ModelEntry : CatalogEntry
    {
        /// <summary>Gets the vendor or lab.</summary>
        public string Vendor { get; internal set; } = string.Empty;

        /// <summary>Gets the model family (llama, gpt-neox…).</summary>
        public string Family { get; internal set; } = string.Empty;

        /// <summary>Gets a value indicating whether the weights are published.</summary>
        public bool OpenWeights { get; internal set; }

        /// <summary>Gets the licence id.</summary>
        public string License { get; internal set; } = string.Empty;

        /// <summary>Gets the service that hosts a closed model.</summary>
        public string? Service { get; internal set; }

        /// <summary>Gets the model-id patterns used in code and APIs (<c>*</c> matches any run of characters).</summary>
        public IReadOnlyList<string> Ids { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets file-name patterns of the model's weight files.</summary>
        public IReadOnlyList<string> Files { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets NuGet package id patterns that bundle this model's weights.</summary>
        public IReadOnlyList<string> Packages { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the ways to run the model from .NET.</summary>
        public IReadOnlyList<RunOption> Run { get; internal set; } = System.Array.Empty<RunOption>();

        /// <summary>Gets what the model does (ids of <see cref="TaskEntry"/>: <c>chat</c>, <c>embeddings</c>…), main task first.</summary>
        public IReadOnlyList<string> Tasks { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the severity override for findings about this model, if any.</summary>
        public string? Severity { get; internal set; }
    }

    /// <summary>An open replacement: a model run by a runtime.</summary>
    public sealed class AlternativeRef
    {
        /// <summary>Gets the model id.</summary>
        public string Model { get; internal set; } = string.Empty;

        /// <summary>Gets the runtime id.</summary>
        public string Runtime { get; internal set; } = string.Empty;
    }

    /// <summary>The open alternatives chosen for a finding, and the task they were chosen for.</summary>
    public sealed class AlternativeChoice
    {
        /// <summary>Initializes a new instance of the <see cref="AlternativeChoice"/> class.</summary>
        public AlternativeChoice(TaskEntry? task, IReadOnlyList<AlternativeRef> alternatives, IReadOnlyList<TaskEntry> tasks)
        {
            Task = task;
            Alternatives = alternatives;
            Tasks = tasks;
        }

        /// <summary>Gets the task the alternatives were chosen for, or null when the code does not show it.</summary>
        public TaskEntry? Task { get; }

        /// <summary>Gets the alternatives, best first (empty when the task is unknown).</summary>
        public IReadOnlyList<AlternativeRef> Alternatives { get; }

        /// <summary>Gets the tasks the service covers, when the task is unknown.</summary>
        public IReadOnlyList<TaskEntry> Tasks { get; }

        /// <summary>Gets the alternatives as <c>model@runtime</c> ids, the form of the diagnostics' <c>alternatives</c> property.</summary>
        public string Ids => string.Join(",", System.Linq.Enumerable.Select(Alternatives, a => a.Model + "@" + a.Runtime));
    }

    /// <summary>
    /// A place code sends data to that is outside the machine or the app's own files (LG2002's sinks): a member that copies,
    /// archives, sends, uploads or serves what one of its arguments carries, or that returns a stream whose writes go there.
    /// </summary>
    public sealed class SinkEntry : CatalogEntry
    {
        /// <summary>The categories a sink can have, each with what the message says it does.</summary>
        public static IReadOnlyDictionary<string, string> Categories { get; } = new Dictionary<string, string>(System.StringComparer.Ordinal)
        {
            ["copy"] = "copies",
            ["archive"] = "archives",
            ["network"] = "sends",
            ["cloud"] = "uploads",
            ["http"] = "serves",
            ["static-files"] = "serves",
        };

        /// <summary>Gets the category (a key of <see cref="Categories"/>).</summary>
        public string Category { get; internal set; } = string.Empty;

        /// <summary>Gets the members in documentation-comment-id form without parameters (<c>M:System.IO.File.Copy</c>, <c>M:System.Net.Http.StreamContent.#ctor</c>, <c>P:Amazon.S3.Model.PutObjectRequest.FilePath</c>); every overload.</summary>
        public IReadOnlyList<string> Members { get; internal set; } = System.Array.Empty<string>();

        /// <summary>
        /// Gets namespaces (each with the namespaces under it) whose members are sinks by what their name says they do: with
        /// <see cref="Verbs"/>, a library's <c>SynchronizeDirectories</c> or <c>SendAsync</c> is a sink without being listed.
        /// </summary>
        public IReadOnlyList<string> Namespaces { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the words of a member name that make a member of <see cref="Namespaces"/> a sink (<c>Upload</c>, <c>Send</c>, <c>Copy</c>).</summary>
        public IReadOnlyList<string> Verbs { get; internal set; } = System.Array.Empty<string>();

        /// <summary>
        /// Gets the names of the parameters that carry the data; <c>this</c> is the receiver, <c>value</c> the value a property is
        /// set to, <c>return</c> the stream or writer the member returns (data written into it goes to the sink).
        /// </summary>
        public IReadOnlyList<string> Data { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the names of the parameters that say where the data goes, when the sink has one (a copy's destination path).</summary>
        public IReadOnlyList<string> Destination { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the parameters that name what is written (a blob's or object's name, a download's file name): a weight file's name there says the data is weights.</summary>
        public IReadOnlyList<string> Names { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets where the data goes, in words ("to another folder", "to Azure Blob Storage").</summary>
        public string To { get; internal set; } = string.Empty;

        /// <summary>Gets the verb of the category ("copies", "uploads").</summary>
        public string Verb => Categories.TryGetValue(Category, out var verb) ? verb : "sends";
    }

    /// <summary>A proprietary, API-only AI service.</summary>
    public sealed class ServiceEntry : CatalogEntry
    {
        /// <summary>Gets the vendor.</summary>
        public string Vendor { get; internal set; } = string.Empty;

        /// <summary>Gets the access class (<c>api-only</c>).</summary>
        public string Access { get; internal set; } = "api-only";

        /// <summary>Gets the licence id of the service terms.</summary>
        public string License { get; internal set; } = string.Empty;

        /// <summary>Gets the NuGet package id patterns of its SDKs.</summary>
        public IReadOnlyList<string> Packages { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets SDK symbols in documentation-comment-id form (<c>N:</c>, <c>T:</c>, <c>M:</c>, <c>P:</c>, <c>F:</c>, <c>E:</c>).</summary>
        public IReadOnlyList<string> Symbols { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets endpoint host patterns (<c>*.openai.azure.com</c>).</summary>
        public IReadOnlyList<string> Hosts { get; internal set; } = System.Array.Empty<string>();

        /// <summary>Gets the tasks the service offers (ids of <see cref="TaskEntry"/>), in the order messages list them.</summary>
        public IReadOnlyList<string> Tasks { get; internal set; } = System.Array.Empty<string>();

        /// <summary>
        /// Gets the service's own ranked open alternatives; for a task they come before the task's alternatives when their
        /// model does that task.
        /// </summary>
        public IReadOnlyList<AlternativeRef> Alternatives { get; internal set; } = System.Array.Empty<AlternativeRef>();

        /// <summary>Gets the severity override for findings about this service, if any.</summary>
        public string? Severity { get; internal set; }
    }

    /// <summary>Per-rule behaviour from a rules file's <c>rules</c> section.</summary>
    public sealed class RuleSettings
    {
        /// <summary>Gets a value indicating whether the rule reports at all.</summary>
        public bool Enabled { get; internal set; } = true;

        /// <summary>Gets the severity override for the rule, if any.</summary>
        public string? Severity { get; internal set; }

        /// <summary>Gets subjects (host patterns, model-id patterns, symbol ids) the rule does not report.</summary>
        public IReadOnlyList<string> Ignore { get; internal set; } = System.Array.Empty<string>();
    }

    /// <summary>A problem in a rules file, with its position.</summary>
    public sealed class RulesProblem
    {
        /// <summary>Initializes a new instance of the <see cref="RulesProblem"/> class.</summary>
        public RulesProblem(SourceSpan span, string message)
        {
            Span = span;
            Message = message;
        }

        /// <summary>Gets where the problem stands.</summary>
        public SourceSpan Span { get; }

        /// <summary>Gets what is wrong and what was ignored.</summary>
        public string Message { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Span}: {Message}";
    }

    /// <summary>A rules file handed to the loader: path and text.</summary>
    public sealed class RulesSource
    {
        /// <summary>Initializes a new instance of the <see cref="RulesSource"/> class.</summary>
        public RulesSource(string path, string text)
        {
            Path = path;
            Text = text;
        }

        /// <summary>Gets the path.</summary>
        public string Path { get; }

        /// <summary>Gets the text.</summary>
        public string Text { get; }
    }
}
