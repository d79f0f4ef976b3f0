using System;
using System.IO;
using System.Text;

namespace LicenseGuard.Gather
{
    /// <summary>Writes the inventory so that the compiler never reads a half-written one and an unchanged one keeps its timestamp.</summary>
    public static class InventoryWriter
    {
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>
        /// Writes <paramref name="json"/> to <paramref name="path"/> unless the file already holds exactly that text: the inventory
        /// is an input of CoreCompile, so rewriting the same facts would compile again. A new text goes to a temporary file beside
        /// it first and replaces the old one in one step, so a build reading it concurrently (another target framework, a
        /// parallel build sharing obj/) sees the old or the new inventory, never a part of one.
        /// </summary>
        /// <returns>Whether the file was written.</returns>
        public static bool WriteIfChanged(string path, string json)
        {
            string fullPath = Path.GetFullPath(path);
            if (File.Exists(fullPath) && string.Equals(File.ReadAllText(fullPath, Utf8NoBom), json, StringComparison.Ordinal))
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            string temporary = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                File.WriteAllText(temporary, json, Utf8NoBom);
                MoveOver(temporary, fullPath);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }

            return true;
        }

        /// <summary>
        /// Puts the temporary file in place whether or not the inventory exists, when another build sharing obj/ writes it at the
        /// same moment: a Move onto a file that appeared meanwhile becomes a Replace, a Replace of a file that vanished a Move.
        /// </summary>
        private static void MoveOver(string temporary, string path)
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    if (File.Exists(path))
                    {
                        File.Replace(temporary, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
                    }
                    else
                    {
                        File.Move(temporary, path);
                    }

                    return;
                }
                catch (IOException) when (attempt < 5 && File.Exists(temporary))
                {
                    // The other writer won this round; the next attempt sees the file as it now is.
                }
            }
        }
    }
}
