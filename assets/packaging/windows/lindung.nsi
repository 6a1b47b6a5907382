; Lindung's Windows installer (NSIS 3, `makensis` from Debian's nsis package): 64-bit, for the
; current user only (no administrator rights), in Bahasa Indonesia. Built by
; assets/packaging/build-release.sh:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the files> -DOUTFILE=<setup.exe> lindung.nsi
; STAGE holds lindung.exe, lindung-cli.exe, "Mulai di sini.txt", the licences and contoh\*.ron.
;
; What it does:
; - installs into %LOCALAPPDATA%\Programs\Lindung (the per-user programs folder);
; - a Start-menu entry, and a desktop shortcut unless unticked;
; - .ron scenario files open in Lindung on double-click (an association for this user only,
;   under HKCU\Software\Classes);
; - copies the example scenarios into Documents\Lindung, where Lindung's first Open dialog
;   looks, without overwriting a file of that name already there;
; - an uninstaller (Settings → Apps, or the Start menu) that removes all of this except
;   Documents\Lindung and Lindung's settings, which hold the user's own work.

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifndef VERSION | STAGE | OUTFILE
  !error "makensis -DVERSION=x.y.z -DSTAGE=folder -DOUTFILE=setup.exe lindung.nsi"
!endif

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Lindung"
!define PROGID "Lindung.Skenario"

Name "Lindung ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Lindung"
InstallDirRegKey HKCU "Software\Lindung" "InstallDir"
BrandingText "Lindung ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Lindung"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Pemasang Lindung ${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${STAGE}\lindung.ico"
!define MUI_UNICON "${STAGE}\lindung.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\lindung.exe"
!define MUI_FINISHPAGE_SHOWREADME "$INSTDIR\Mulai di sini.txt"
!define MUI_FINISHPAGE_SHOWREADME_NOTCHECKED
!define MUI_UNCONFIRMPAGE_TEXT_TOP "Lindung akan dihapus dari komputer ini. Skenario Anda di Dokumen\Lindung dan pengaturan Lindung tidak dihapus."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"

Section "Lindung (wajib)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\lindung.exe"
  File "${STAGE}\lindung-cli.exe"
  File "${STAGE}\lindung.ico"
  File "${STAGE}\Mulai di sini.txt"
  File "${STAGE}\LICENSE-MIT.txt"
  File "${STAGE}\LICENSE-APACHE.txt"
  File "${STAGE}\LICENSE-ODbL.txt"
  File "${STAGE}\LICENSE-FONTS.txt"
  SetOutPath "$INSTDIR\contoh"
  File "${STAGE}\contoh\*.ron"

  ; The examples where the first Open dialog looks; a planner's own changes are never
  ; overwritten by a reinstall.
  SetOverwrite off
  SetOutPath "$DOCUMENTS\Lindung"
  File "${STAGE}\contoh\*.ron"
  SetOverwrite on
  SetOutPath "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\Lindung.lnk" "$INSTDIR\lindung.exe" "" "$INSTDIR\lindung.exe" 0 \
    SW_SHOWNORMAL "" "Perencanaan APBD untuk iuran BPJS Ketenagakerjaan pekerja rentan"

  ; Scenario files open in Lindung (for this user). Another program's claim on .ron stays
  ; listed under "Open with".
  WriteRegStr HKCU "Software\Classes\.ron" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Skenario Lindung"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\lindung.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\lindung.exe" "%1"'
  ; SHCNE_ASSOCCHANGED: Explorer shows the new icon and action at once.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKCU "Software\Lindung" "InstallDir" "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Lindung"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\lindung.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Lindung"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Pintasan di desktop" SecDesktop
  CreateShortcut "$DESKTOP\Lindung.lnk" "$INSTDIR\lindung.exe"
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\lindung.exe"
  Delete "$INSTDIR\lindung-cli.exe"
  Delete "$INSTDIR\lindung.ico"
  Delete "$INSTDIR\Mulai di sini.txt"
  Delete "$INSTDIR\LICENSE-MIT.txt"
  Delete "$INSTDIR\LICENSE-APACHE.txt"
  Delete "$INSTDIR\LICENSE-ODbL.txt"
  Delete "$INSTDIR\LICENSE-FONTS.txt"
  Delete "$INSTDIR\contoh\*.ron"
  RMDir "$INSTDIR\contoh"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\Lindung.lnk"
  Delete "$DESKTOP\Lindung.lnk"

  ; The .ron association, only where it is still Lindung's.
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegValue HKCU "Software\Classes\.ron" ""
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Lindung"
  ; Documents\Lindung (the planner's scenarios) and %APPDATA%\lindung (settings, and the
  ; recovery copies of unsaved work) stay.
SectionEnd
