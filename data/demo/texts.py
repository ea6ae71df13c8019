"""Dutch texts of the demo's dialogue log: per theme two subjects, a signal and an agreed action.

Fictional but written the way a contract manager notes a conversation, so the dialogue pages and
the agenda read naturally in a demonstration.
"""

from __future__ import annotations

# theme: ((subject, subject), signal, action)
THEME_TEXTS = {
    1: (("Overdracht na afsluiting traject", "Nazorg na beëindiging"),
        "Jeugdigen komen kort na afsluiting terug bij de toegang.",
        "Afspraken maken over een warme overdracht naar het wijkteam."),
    2: (("Overgang 18-/18+", "Perspectiefplan jongvolwassenen"),
        "Jongeren van 17 jaar hebben nog geen plan voor na hun achttiende.",
        "Per jongere vanaf 17 jaar een perspectiefplan opstellen met Wmo-consulent."),
    3: (("Ambulant alternatief voor verblijf", "Terugdringen residentiële plaatsingen"),
        "Het aandeel verblijf stijgt in enkele gemeenten.",
        "Casuïstiek van nieuwe plaatsingen bespreken in het regionale expertteam."),
    4: (("Inzet informeel netwerk", "Samenwerking met vrijwilligersorganisaties"),
        "Het netwerk van gezinnen wordt weinig betrokken.",
        "Netwerkberaad standaard aanbieden bij start van de hulp."),
    5: (("Budgetprognose en productiecijfers", "Tariefafspraken volgend jaar"),
        "De productie loopt sneller op dan het budgetplafond toelaat.",
        "Maandelijkse productierapportage aanleveren en prognose bespreken."),
    6: (("Acceptatieplicht en weigeringen", "Wachtlijst bij strategische partner"),
        "Verwijzingen worden niet geaccepteerd wegens capaciteitsgebrek.",
        "Overzicht van geweigerde verwijzingen met reden en alternatief aanleveren."),
    7: (("Pilot hybride behandeling", "Innovatiebudget en resultaten"),
        "Nieuwe werkvormen worden niet structureel ingebed.",
        "Evaluatie van de pilot opstellen voor het regionaal overleg."),
    8: (("Samenwerking met huisartsen", "Terugkoppeling aan verwijzers"),
        "Huisartsen krijgen geen terugkoppeling na verwijzing.",
        "Standaard terugkoppelbrief aan verwijzer invoeren."),
    9: (("Wachttijden en wachtlijstbeheer", "Overbruggingszorg tijdens wachttijd"),
        "De wachttijd tot start van de hulp loopt op.",
        "Wachtlijst per gemeente maandelijks delen en overbruggingszorg regelen."),
    10: (("Hulp aan jeugdigen met een beperking", "Zorg voor jonge kinderen 0-4 jaar"),
         "Voor specifieke doelgroepen is het aanbod in de regio beperkt.",
         "Inventarisatie van ontbrekend specialistisch aanbod maken."),
    11: (("Keuzevrijheid en passend aanbod", "Wensen van ouders bij aanbiederskeuze"),
         "Ouders ervaren weinig keuze tussen aanbieders.",
         "Keuzehulp voor ouders actualiseren op de regionale website."),
    12: (("Kwaliteitscertificaat en contractvoorwaarden", "Naleving contractafspraken"),
         "Een kwaliteitscertificaat verloopt binnenkort.",
         "Bewijs van hercertificering aanleveren bij contractmanagement."),
    13: (("Verschillen in toegang tussen gemeenten", "Werkwijze lokale teams"),
         "Het gebruik van jeugdhulp verschilt sterk per gemeente.",
         "Verschillen analyseren met de lokale teams en werkwijzen vergelijken."),
    14: (("Crisisbedden en beschikbaarheid", "Crisisopvang in het weekend"),
         "Crisisplaatsen zijn regelmatig volledig bezet.",
         "Afspraken maken over bovenregionale uitwijkplaatsen."),
    15: (("Jeugdhulp op de buitenschoolse opvang", "Combinatie BSO en behandeling"),
         "Kinderen missen hulp omdat vervoer naar de BSO ontbreekt.",
         "Pilot jeugdhulp op de BSO uitwerken met twee kinderopvangorganisaties."),
    16: (("Invulling van de samenwerking", "Rolverdeling binnen het samenwerkingsverband"),
         "Gezinnen hebben met te veel hulpverleners tegelijk te maken.",
         "Eén regiehouder per gezin aanwijzen bij meerdere aanbieders."),
    17: (("Kwaliteitsmonitor en outcome-indicatoren", "Kwartaalrapportage uitkomsten"),
         "De uitkomstgegevens worden niet volledig of niet op tijd aangeleverd.",
         "Uitkomsten uiterlijk zes weken na kwartaaleinde aanleveren."),
    18: (("Samenwerking onderwijs en jeugdhulp", "Jeugdhulp in het passend onderwijs"),
         "Thuiszitters wachten lang op een passende plek.",
         "Gezamenlijk overleg met het samenwerkingsverband passend onderwijs plannen."),
}

# Who owns an agreed action: a role or organisation, never a private person.
OWNERS = ("contractmanager", "beleidsadviseur jeugd", "aanbieder", "regiomanager jeugd", "toegangsteam",
          "samenwerkingsverband")

# Comments providers add to an outcomes row (toelichting).
OUTCOME_COMMENTS = {
    "refusals": "Verwijzingen niet geaccepteerd wegens capaciteitstekort op de behandelgroepen.",
    "normal": ("Uitkomsten volgens afspraak aangeleverd.", "Lagere respons op de tevredenheidsmeting.",
               "Meer afsluitingen door herziening van de caseload."),
}
