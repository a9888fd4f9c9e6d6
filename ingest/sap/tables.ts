// The SAP tables read from a `sap/` folder, in the order they are read, with the columns their
// header must have (fixtures/FORMATS.md). USR02 comes first: every other table's user types
// depend on it.
const FI_ITEM = ['BUKRS', 'KUNNR', 'BELNR', 'GJAHR', 'BUZEI', 'BLART', 'BLDAT', 'BUDAT', 'ZFBDT', 'ZBD1T', 'ZTERM',
  'DMBTR', 'WAERS', 'SHKZG', 'VBELN', 'XBLNR', 'REBZG', 'RSTGR'];

export const SAP_TABLES: ReadonlyArray<{ table: string; columns: readonly string[] }> = [
  { table: 'USR02', columns: ['BNAME', 'USTYP'] },
  { table: 'KNA1', columns: ['KUNNR', 'NAME1', 'ORT01', 'REGIO', 'LAND1', 'KUKLA', 'ERDAT'] },
  { table: 'VBAK', columns: ['VBELN', 'ERDAT', 'ERZET', 'ERNAM', 'AUART', 'VKORG', 'VTWEG', 'KUNNR', 'BSTNK', 'VDATU',
    'NETWR', 'WAERK', 'CMGST', 'LIFSK', 'FAKSK', 'ZTERM'] },
  { table: 'VBAP', columns: ['VBELN', 'POSNR', 'MATNR', 'ARKTX', 'KWMENG', 'VRKME', 'NETPR', 'NETWR', 'WERKS', 'ABGRU',
    'ZZPRSTAT', 'ERDAT', 'ERZET'] },
  { table: 'CDHDR', columns: ['OBJECTCLAS', 'OBJECTID', 'CHANGENR', 'USERNAME', 'UDATE', 'UTIME', 'TCODE'] },
  { table: 'CDPOS', columns: ['OBJECTCLAS', 'OBJECTID', 'CHANGENR', 'TABNAME', 'TABKEY', 'FNAME', 'CHNGIND', 'VALUE_OLD',
    'VALUE_NEW'] },
  { table: 'LIKP', columns: ['VBELN', 'ERDAT', 'ERZET', 'ERNAM', 'VSTEL', 'KUNNR', 'LFDAT', 'WADAT', 'WADAT_IST', 'PODAT',
    'POTIM'] },
  { table: 'LIPS', columns: ['VBELN', 'POSNR', 'MATNR', 'LFIMG', 'VRKME', 'VGBEL', 'VGPOS', 'WERKS'] },
  { table: 'VBFA', columns: ['VBELV', 'POSNV', 'VBELN', 'POSNN', 'VBTYP_V', 'VBTYP_N', 'RFMNG', 'ERDAT', 'ERZET'] },
  { table: 'VBRK', columns: ['VBELN', 'FKART', 'FKDAT', 'ERDAT', 'ERZET', 'ERNAM', 'KUNAG', 'NETWR', 'MWSBK', 'WAERK',
    'ZTERM', 'FKSTO', 'SFAKN'] },
  { table: 'VBRP', columns: ['VBELN', 'POSNR', 'FKIMG', 'NETWR', 'AUBEL', 'AUPOS', 'VGBEL', 'VGPOS', 'MATNR'] },
  { table: 'BSID', columns: FI_ITEM },
  { table: 'BSAD', columns: [...FI_ITEM, 'AUGDT', 'AUGBL'] },
];
