// SupportBot: triages support tickets with hosted models. LicenseGuard flags every proprietary AI dependency here.
using SupportBot;

var ticket = args.Length > 0 ? string.Join(' ', args) : "My invoice shows the wrong VAT number.";
var triage = new TicketTriage(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "");
Console.WriteLine(await triage.ClassifyAsync(ticket));
Console.WriteLine(await ReplyDrafter.DraftAsync(ticket));
Console.WriteLine(await GeminiTranslator.TranslateAsync(new HttpClient(), ticket, "de"));
