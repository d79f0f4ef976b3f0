using ChatMigration;

var summarizer = new Summarizer(Clients.CreateChatClient());
Console.WriteLine(await summarizer.SummarizeAsync(args.Length > 0 ? args[0] : "LicenseGuard flags proprietary AI calls."));
