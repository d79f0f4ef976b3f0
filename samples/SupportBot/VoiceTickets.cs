using OpenAI.Audio;

namespace SupportBot;

/// <summary>Turns voicemail tickets into text with OpenAI's hosted Whisper.</summary>
public static class VoiceTickets
{
    public static async Task<string> TranscribeAsync(string apiKey, string wavPath)
    {
        var audio = new AudioClient("whisper-1", apiKey);
        AudioTranscription transcription = await audio.TranscribeAudioAsync(wavPath);
        return transcription.Text;
    }
}
