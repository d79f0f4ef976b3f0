// LocalAssistant: the same ticket triage as SupportBot, on an open-weight model served by a local Ollama.
// LicenseGuard reports nothing here: Qwen2.5 7B is Apache-2.0 and the endpoint is on this machine.
using Microsoft.Extensions.AI;
using OllamaSharp;

const string Model = "qwen2.5:7b";
IChatClient chat = new OllamaApiClient(new Uri("http://localhost:11434"), Model);

var ticket = args.Length > 0 ? string.Join(' ', args) : "My invoice shows the wrong VAT number.";
ChatResponse response = await chat.GetResponseAsync(
[
    new ChatMessage(ChatRole.System, "Classify the ticket as billing, bug or question. Answer with one word."),
    new ChatMessage(ChatRole.User, ticket),
]);
Console.WriteLine(response.Text);
