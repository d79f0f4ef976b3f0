using LicenseGuard.Catalog;
using LicenseGuard.Matching;

namespace LicenseGuard.Core.Tests;

public class MatchingTests
{
    private static readonly HostIndex Hosts = new(RulesCatalog.BuiltIn, Array.Empty<string>());
    private static readonly ModelIdIndex Models = new(RulesCatalog.BuiltIn, Array.Empty<string>());

    [Theory]
    [InlineData("gpt-4o*", "GPT-4O-MINI", true)]
    [InlineData("*.anthropic.claude-*", "us.anthropic.claude-x", true)]
    [InlineData("bedrock-runtime.*.amazonaws.com", "bedrock-runtime.eu-west-1.amazonaws.com", true)]
    [InlineData("o1", "o1-mini", false)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    public void GlobMatchesWholeValues(string pattern, string value, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, value));

    [Theory]
    [InlineData("https://api.openai.com/v1/chat/completions", "openai", "api.openai.com")]
    [InlineData("HTTPS://API.OPENAI.COM", "openai", "api.openai.com")]
    [InlineData("wss://api.openai.com/v1/realtime", "openai", "api.openai.com")]
    [InlineData("https://user:pw@api.anthropic.com:443/v1", "anthropic", "api.anthropic.com")]
    [InlineData("api.cohere.ai", "cohere", "api.cohere.ai")]
    [InlineData("https://contoso.openai.azure.com/", "azure-openai", "contoso.openai.azure.com")]
    [InlineData("https://europe-west4-aiplatform.googleapis.com/v1/projects", "google-vertex-ai", "europe-west4-aiplatform.googleapis.com")]
    [InlineData("https://bedrock-runtime.us-east-1.amazonaws.com", "aws-bedrock", "bedrock-runtime.us-east-1.amazonaws.com")]
    [InlineData("https://contoso-vision.cognitiveservices.azure.com/computervision/imageanalysis:analyze", "azure-ai-services", "contoso-vision.cognitiveservices.azure.com")]
    [InlineData("https://westeurope.api.cognitive.microsoft.com/", "azure-ai-services", "westeurope.api.cognitive.microsoft.com")]
    [InlineData("wss://westeurope.stt.speech.microsoft.com/speech/recognition", "azure-ai-services", "westeurope.stt.speech.microsoft.com")]
    [InlineData("https://api.cognitive.microsofttranslator.com/translate?api-version=3.0", "azure-ai-services", "api.cognitive.microsofttranslator.com")]
    [InlineData("https://aip.baidubce.com/rest/2.0/ocr/v1/general_basic", "baidu-ai", "aip.baidubce.com")]
    [InlineData("https://eu.api.openai.com/v1/responses", "openai", "eu.api.openai.com")]
    [InlineData("https://contoso.openai.azure.us/openai/deployments/gpt-4o", "azure-openai", "contoso.openai.azure.us")]
    [InlineData("https://{0}.openai.azure.us/", "azure-openai", "x.openai.azure.us")]
    [InlineData("https://{resource}.cognitiveservices.azure.com/", "azure-ai-services", "x.cognitiveservices.azure.com")]
    [InlineData("https://<...>.openai.azure.com/", "azure-openai", "x.openai.azure.com")]
    [InlineData("https://<your-resource>.openai.azure.com/", "azure-openai", "x.openai.azure.com")]
    [InlineData("https://bedrock-runtime-fips.${REGION}.amazonaws.com", "aws-bedrock", "bedrock-runtime-fips.x.amazonaws.com")]
    [InlineData("wss://api.deepgram.com/v1/listen?model=nova-3", "deepgram", "api.deepgram.com")]
    [InlineData("https://api.elevenlabs.io/v1/text-to-speech/abc/stream", "elevenlabs", "api.elevenlabs.io")]
    [InlineData("https://api.voyageai.com/v1/embeddings", "voyage-ai", "api.voyageai.com")]
    [InlineData("https://dashscope-intl.aliyuncs.com/compatible-mode/v1", "alibaba-model-studio", "dashscope-intl.aliyuncs.com")]
    [InlineData("https://polly.eu-west-1.amazonaws.com/v1/speech", "aws-ai-services", "polly.eu-west-1.amazonaws.com")]
    // a regional or residency name below a vendor's api. host is that vendor's API
    [InlineData("https://us-east-1.api.x.ai/v1/chat/completions", "xai", "us-east-1.api.x.ai")]
    [InlineData("https://eu.api.mistral.ai/v1", "mistral", "eu.api.mistral.ai")]
    [InlineData("wss://eu-west.api.deepgram.com/v1/listen", "deepgram", "eu-west.api.deepgram.com")]
    [InlineData("https://bedrock.us-east-1.amazonaws.com/foundation-models", "aws-bedrock", "bedrock.us-east-1.amazonaws.com")]
    public void EndpointsMatchTheirService(string value, string service, string host)
    {
        Assert.Equal(service, Hosts.Match(value, out var found)?.Id);
        Assert.Equal(host, found);
        Assert.True(Hosts.CouldContainHost(value));
    }

    [Theory]
    [InlineData("http://localhost:11434")]
    [InlineData("see https://api.openai.com for details")]
    [InlineData("Calling api.openai.com now")]
    [InlineData("ftp://api.openai.com/")]
    [InlineData("https://api.openai.com.evil.example/")]
    [InlineData("https://s3.amazonaws.com/bucket")]
    [InlineData("openai.azure.com")]
    [InlineData("file.json")]
    [InlineData("/repo/licenseguard.json")]
    [InlineData("/")]
    [InlineData("?q=1")]
    [InlineData("#top")]
    [InlineData("https:///path")]
    [InlineData("https://{0}.example.com/")]
    [InlineData("https://{a b}.openai.azure.com/")]
    [InlineData("https://elevenlabs.io/docs")]
    [InlineData("https://status.openrouter.ai/")]
    [InlineData("https://api.x.ai.evil.example/")]
    [InlineData("https://eu.openrouter.ai/")]
    [InlineData("")]
    public void NonEndpointsDoNotMatch(string value) => Assert.Null(Hosts.Match(value, out _));

    [Theory]
    [InlineData("Endpoint=https://contoso.openai.azure.com/;Key=abc", "https://contoso.openai.azure.com/")]
    [InlineData("AccountEndpoint = https://x.documents.azure.com:443/ ; AccountKey=k==", "https://x.documents.azure.com:443/")]
    public void ConnectionStringsGiveTheirSettingValues(string value, string first) => Assert.Equal(first, ConnectionStrings.Values(value).First());

    [Theory]
    [InlineData("https://api.openai.com/v1?a=b;c=d")]
    [InlineData("see the docs; it says a=b")]
    [InlineData("")]
    public void TextsThatAreNotConnectionStringsHaveNoSettings(string value) =>
        Assert.Empty(ConnectionStrings.Values(value));

    [Theory]
    [InlineData("gpt-4o", "gpt-4o")]
    [InlineData("gpt-4.1-nano", "gpt-4.1")]
    [InlineData("o1", "openai-o-series")]
    [InlineData("o4-mini-2025-04-16", "openai-o-series")]
    [InlineData("claude-3-5-sonnet-latest", "claude-3.5-sonnet")]
    [InlineData("claude-3-5-sonnet@20240620", "claude-3.5-sonnet")]
    [InlineData("anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-3.5-sonnet")]
    [InlineData("global.anthropic.claude-haiku-4-5-20251001-v1:0", "claude")]
    [InlineData("gemini-2.5-pro", "gemini")]
    [InlineData("text-embedding-3-small", "openai-embeddings")]
    [InlineData("whisper-1", "whisper-api")]
    [InlineData("gpt-4o-transcribe", "whisper-api")]
    [InlineData("tts-1-hd", "openai-tts")]
    [InlineData("dall-e-3", "dall-e")]
    [InlineData("gpt-image-1", "gpt-image")]
    [InlineData("gpt-3.5-turbo", "gpt-3.5-turbo")]
    [InlineData("gpt-35-turbo", "gpt-3.5-turbo")]
    [InlineData("gpt-3.5-turbo-instruct", "gpt-3.5-turbo-instruct")]
    [InlineData("davinci-002", "gpt-3-base")]
    [InlineData("omni-moderation-latest", "openai-moderation")]
    [InlineData("text-embedding-004", "gemini-embedding")]
    [InlineData("imagen-3.0-generate-002", "imagen")]
    [InlineData("mistral-embed", "mistral-embed")]
    [InlineData("embed-english-v3.0", "cohere-embed")]
    [InlineData("rerank-v3.5", "cohere-rerank")]
    [InlineData("amazon.titan-embed-text-v2:0", "amazon-titan-embed")]
    [InlineData("mistral-large-latest", "mistral-large")]
    [InlineData("amazon.nova-pro-v1:0", "amazon-nova")]
    [InlineData("grok-4", "grok")]
    // an API-only id named exactly beats the open family whose prefix it shares (the most specific pattern decides)
    [InlineData("qwen3-max", "qwen-api")]
    [InlineData("qwen3-max-2025-09-23", "qwen-api")]
    [InlineData("magistral-medium-2509", "mistral-large")]
    // fine-tuned ids are the model they were tuned from (OpenAI's ft: prefix, Azure OpenAI's .ft- suffix)
    [InlineData("ft:gpt-4.1-mini-2025-04-14:acme-corp:support-triage:BkQ7x2Lm", "gpt-4.1")]
    [InlineData("ft:gpt-4o-mini-2024-07-18:acme::9abc", "gpt-4o-mini")]
    [InlineData("gpt-35-turbo-0613.ft-0ab1c2d3e4f5", "gpt-3.5-turbo")]
    public void ClosedModelIdsMatch(string value, string model) => Assert.Equal(model, Models.MatchClosed(value)?.Id);

    [Theory]
    [InlineData("gpt-oss-20b")]
    [InlineData("gpt-neox-20b")]
    [InlineData("gpt-j-6b")]
    [InlineData("gpt2")]
    [InlineData("gemma-2-9b-it")]
    [InlineData("llama3.1:8b")]
    [InlineData("whisper-large-v3")]
    [InlineData("open-mixtral-8x22b")]
    [InlineData("deepseek-chat")]
    [InlineData("o1 is great")]
    [InlineData("order")]
    [InlineData("")]
    [InlineData("qwen3-32b")]
    [InlineData("qwen3:8b")]
    [InlineData("magistral-small-2509")]
    [InlineData("ft:llama-3.1-8b:acme::x1")]
    [InlineData("ft:")]
    [InlineData("report.ft-2024")]
    public void OpenOrUnrelatedIdsDoNotMatch(string value) => Assert.Null(Models.MatchClosed(value));

    [Theory]
    // Every endpoint the index matches passes the pre-check; strings without a catalogued host's last two labels stop there.
    [InlineData("https://api.openai.com/v1/chat/completions", true)]
    [InlineData("https://contoso.openai.azure.com/openai/deployments/x", true)]
    [InlineData("bedrock-runtime.us-east-1.amazonaws.com", true)]
    [InlineData("API.X.AI", true)]
    [InlineData("Hello world. See you.", false)]
    [InlineData("https://docs.contoso.example/modules/1", false)]
    [InlineData("appsettings.Development.json", false)]
    public void HostPreCheckIsNecessaryForEveryMatch(string value, bool could)
    {
        Assert.Equal(could, Hosts.CouldContainHost(value));
        if (Hosts.Match(value, out _) != null)
        {
            Assert.True(Hosts.CouldContainHost(value));
        }
    }

    [Fact]
    public void ClosedIdPreCheckIsANecessaryConditionForEveryCataloguedPattern()
    {
        // Every closed pattern, its '*' filled in three ways, in any case: wherever the pattern itself matches (Glob, without
        // the index and so without the pre-check), CouldMatch says it might; so the pre-check never hides a finding.
        foreach (var model in RulesCatalog.BuiltIn.Models.Where(m => !m.OpenWeights))
        {
            foreach (string pattern in model.Ids)
            {
                foreach (string value in new[] { pattern.Replace("*", "x"), pattern.Replace("*", "us"), pattern.Replace("*", string.Empty).ToUpperInvariant() })
                {
                    if (Glob.IsMatch(pattern, value))
                    {
                        Assert.True(Models.CouldMatch(value), $"{value} ({pattern})");
                    }
                }
            }
        }
    }

    [Fact]
    public void PreChecksFirstLookForACharacterEveryCandidateHasButNeverHideOne()
    {
        // Inner parts are searched only in strings holding one of their first characters, in either case; a part starting with
        // a letter or a recorded suffix without a dot still works (the shortcut is off for what it cannot decide).
        var inner = ClosedIdPreCheck.From(Array.Empty<string>(), new[] { ".amazon.nova-", "Anthropic.claude-" }, anyString: false);
        Assert.True(inner.CouldMatch("us.AMAZON.NOVA-pro-v1:0"));
        Assert.True(inner.CouldMatch("eu.anthropic.claude-3-haiku"));
        Assert.True(inner.CouldMatch("EU.ANTHROPIC.CLAUDE-3-HAIKU"));
        Assert.False(inner.CouldMatch("no parts in here"));
        Assert.False(inner.CouldMatch("anthropic"));

        var hosts = HostPreCheck.From(new[] { "openai.com" }, anyString: false);
        Assert.True(hosts.CouldMatch("HTTPS://API.OPENAI.COM/v1"));
        Assert.False(hosts.CouldMatch("openai"));
        Assert.True(HostPreCheck.From(new[] { "localhost" }, anyString: false).CouldMatch("localhost"));

        Assert.True(ModelIdIndex.CouldCarryModelId("{ \"MODEL\": \"gpt-4o\" }"));
        Assert.False(ModelIdIndex.CouldCarryModelId("a model without quotes"));
    }

    [Theory]
    [InlineData("Hello, world")]
    [InlineData("Customer")]
    [InlineData("content-type")]
    [InlineData("application/json")]
    [InlineData("description")]
    [InlineData("gp")]
    [InlineData("claud")]
    [InlineData("order.anthropic")]
    public void ClosedIdPreCheckStopsOrdinaryStrings(string value) => Assert.False(Models.CouldMatch(value));

    [Theory]
    // Only where MatchClosedWithin looks: a model/deployment/engines segment or query key, a gateway prefix, a JSON "model".
    [InlineData("/v1beta/models/gemini-1.5-pro:generateContent", true)]
    [InlineData("/openai/deployments/gpt-4o/chat/completions", true)]
    [InlineData("/v1/engines/davinci/completions", true)]
    [InlineData("https://gateway.example/v1/chat?modelId=gpt-4o", true)]
    [InlineData("anthropic/claude-3.5-sonnet", true)]
    [InlineData("{ \"model\": \"gpt-4o\" }", true)]
    [InlineData("/api/v1/orders/42", false)]
    [InlineData("application/json", false)]
    [InlineData("data/service1/report.json", false)]
    [InlineData("meta-llama/llama-3.1-8b", false)]
    public void ModelCarrierPreCheckStopsRoutesAndMediaTypes(string value, bool could) =>
        Assert.Equal(could, ModelIdIndex.CouldCarryModelId(value));

    [Theory]
    [InlineData("http://localhost:11434/v1", true)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://[::1]:8000/v1", true)]
    [InlineData("http://192.168.1.20:8080/v1/chat/completions", true)]
    [InlineData("http://172.20.0.5", true)]
    [InlineData("http://host.docker.internal:11434", true)]
    [InlineData("http://gpu-box.local:8000", true)]
    [InlineData("http://172.32.0.5", false)]
    [InlineData("https://api.openai.com/v1", false)]
    [InlineData("http://203.0.113.9/v1", false)]
    [InlineData("localhost:11434", false)]
    [InlineData("see http://localhost:3000/", false)]
    [InlineData("http://[::1", false)]
    [InlineData("ftp://localhost/models", false)]
    [InlineData("", false)]
    public void LocalEndpointsAreLoopbackPrivateOrLocalNames(string value, bool local) => Assert.Equal(local, LocalEndpoint.IsLocalUrl(value));
}
